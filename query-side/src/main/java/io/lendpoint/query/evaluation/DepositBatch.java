package io.lendpoint.query.evaluation;

import com.mongodb.client.model.Filters;
import io.lendpoint.query.IdempotentUpdates;
import io.lendpoint.query.KeptForTheBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * §7.1: the items of one batch as the evaluation sees them (on deposit from when to when), in collection
 * {@code deposit_batches}, keyed by the batch id and idempotent by the batch's event sequence. One document per
 * batch, not per item, so a point's deposit is read by key: only shipping, receipt, discrepancies, returns to the
 * library and losses change it.
 */
@org.springframework.data.mongodb.core.mapping.Document(DepositBatch.COLLECTION)
class DepositBatch implements KeptForTheBatch {

    static final String COLLECTION = "deposit_batches";
    /**
     * Batches per reply: a batch of 2000 items is a few hundred kilobytes, and the embedded store, asked without a
     * batch size, answers in one message, which the driver refuses above 48 MB (issue 8's 200-point city: a 103 MB
     * reply).
     */
    static final int BATCHES_PER_REPLY = 16;

    @Id
    String id;
    String servicePointId;
    long lastSequence = -1;
    List<DepositItem> items = new ArrayList<>();

    /** Changes the batch's deposit with an event of the batch, once; shipping creates it. */
    static void change(MongoTemplate mongo, String batchId, String servicePointId, DomainEventMessage<?> message,
                       boolean creates, Consumer<List<DepositItem>> change) {
        if (creates) {
            IdempotentUpdates.createOrApply(mongo, DepositBatch.class, batchId, message, () -> {
                DepositBatch batch = new DepositBatch();
                batch.id = batchId;
                batch.servicePointId = servicePointId;
                return batch;
            }, batch -> change.accept(batch.items));
        } else {
            IdempotentUpdates.apply(mongo, DepositBatch.class, batchId, message, batch -> change.accept(batch.items));
        }
    }

    /** Every item of the batches, read without the mapping layer (a point's deposit is thousands of items). */
    static List<DepositItem> itemsOf(MongoTemplate mongo, Collection<String> batchIds) {
        List<DepositItem> items = new ArrayList<>();
        if (!batchIds.isEmpty()) {
            StoredDates dates = new StoredDates(mongo);
            mongo.getCollection(COLLECTION).find(Filters.in("_id", batchIds)).batchSize(BATCHES_PER_REPLY)
                    .forEach(batch -> batch.getList("items", Document.class, List.of())
                            .forEach(item -> items.add(DepositItem.read(item, dates))));
        }
        return items;
    }

    @Override
    public long lastAppliedSequence() {
        return lastSequence;
    }

    @Override
    public void markApplied(long sequence) {
        lastSequence = sequence;
    }
}
