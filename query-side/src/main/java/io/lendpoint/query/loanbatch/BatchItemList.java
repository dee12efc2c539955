package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.query.IdempotentUpdates;
import io.lendpoint.query.KeptForTheBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * §5.2, A.1.3: a loan batch's item list (up to 2000 items, in the order picked) in collection
 * {@code loan_batch_items}, keyed by the batch id, beside the batch's {@link BatchDocument}; idempotent by
 * {@code lastSequence} of its own. Apart because only picking, shipping and written-off items change it, while
 * thousands of single-item events (returns, inspections) change the batch: in one document each of those rewrote
 * the whole list (issue 8's city benchmark: the batch projection replayed at 137 s for 19k events).
 */
@Document(BatchItemList.COLLECTION)
class BatchItemList implements KeptForTheBatch {

    static final String COLLECTION = "loan_batch_items";

    @Id
    String id;
    long lastSequence = -1;
    List<ItemDescription> items = new ArrayList<>();

    /** Changes the batch's list with an event of the batch, once: the list is created by the first such event. */
    static void change(MongoTemplate mongo, String batchId, DomainEventMessage<?> message,
                       Consumer<List<ItemDescription>> change) {
        IdempotentUpdates.createOrApply(mongo, BatchItemList.class, batchId, message, () -> {
            BatchItemList list = new BatchItemList();
            list.id = batchId;
            return list;
        }, list -> change.accept(list.items));
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
