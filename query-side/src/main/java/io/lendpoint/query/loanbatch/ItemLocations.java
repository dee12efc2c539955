package io.lendpoint.query.loanbatch;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.DiscrepancyKind;
import io.lendpoint.api.loanbatch.InspectionOutcome;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.ItemInspected;
import io.lendpoint.api.loanbatch.ItemLent;
import io.lendpoint.api.loanbatch.ItemLocation;
import io.lendpoint.api.loanbatch.ItemLocationQuery;
import io.lendpoint.api.loanbatch.ItemReturnedInPoint;
import io.lendpoint.api.loanbatch.ItemsPicked;
import io.lendpoint.api.loanbatch.ItemsReturned;
import io.lendpoint.api.loanbatch.ItemsUnpicked;
import io.lendpoint.api.loanbatch.LostItemFound;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyRecorded;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyResolved;
import io.lendpoint.api.loanbatch.Resolution;
import io.lendpoint.query.BatchWrites;
import io.lendpoint.query.KeyedReads;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Where is barcode X now?" — collection {@code item_locations}, one document per barcode. A barcode passes
 * through many batches over the years and their events may be processed in different segments, so an update
 * applies only if it is not older than what the document shows ({@code since}): redelivery and replay change
 * nothing, and an old batch's late event never overwrites a newer batch's.
 */
@Component
@ProcessingGroup("item-locations")
class ItemLocations {

    static final String COLLECTION = "item_locations";

    private final MongoTemplate mongo;

    ItemLocations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ItemsPicked event, EventMessage<ItemsPicked> message) {
        Instant at = message.getTimestamp();
        List<String> barcodes = event.items().stream().map(ItemDescription::barcode).toList();
        ItemLocationBatch.add(mongo, event.batchId(), barcodes);
        Map<String, ItemLocationDocument> current = current(barcodes);
        save(event.items().stream()
                .filter(item -> !current.containsKey(item.barcode()) || !current.get(item.barcode()).since.isAfter(at))
                .map(item -> new ItemLocationDocument(item.barcode(), item.title(), event.batchId(),
                        event.servicePointId(), "PICKED", null, at))
                .toList());
    }

    @EventHandler
    void on(ItemsUnpicked event, EventMessage<ItemsUnpicked> message) {
        set(event.barcodes(), event.batchId(), "AT_LIBRARY", null, message.getTimestamp());
        ItemLocationBatch.remove(mongo, event.batchId(), event.barcodes());
    }

    @EventHandler
    void on(BatchShipped event, EventMessage<BatchShipped> message) {
        moveBatch(event.batchId(), event.items().stream().map(ItemDescription::barcode).toList(), "PICKED",
                "IN_TRANSIT", message.getTimestamp());
    }

    @EventHandler
    void on(BatchReceived event, EventMessage<BatchReceived> message) {
        Optional<List<String>> barcodes = ItemLocationBatch.of(mongo, event.batchId());
        if (barcodes.isPresent()) {
            moveBatch(event.batchId(), barcodes.get(), "IN_TRANSIT", "AT_POINT", message.getTimestamp());
        } else { // picked before this projection kept batch lists, and not replayed since
            setBatch(event.batchId(), "IN_TRANSIT", "AT_POINT", message.getTimestamp());
        }
    }

    @EventHandler
    void on(ReceiptDiscrepancyRecorded event, EventMessage<ReceiptDiscrepancyRecorded> message) {
        if (event.kind() == DiscrepancyKind.MISSING) {
            set(java.util.List.of(event.barcode()), event.batchId(), "MISSING", null, message.getTimestamp());
        }
    }

    @EventHandler
    void on(ReceiptDiscrepancyResolved event, EventMessage<ReceiptDiscrepancyResolved> message) {
        if (event.resolution() == Resolution.FOUND) {
            set(java.util.List.of(event.barcode()), event.batchId(), "AT_POINT", null, message.getTimestamp());
        } else if (event.resolution() == Resolution.WRITTEN_OFF) {
            set(java.util.List.of(event.barcode()), event.batchId(), "WRITTEN_OFF", null, message.getTimestamp());
        }
    }

    @EventHandler
    void on(ItemLent event, EventMessage<ItemLent> message) {
        set(java.util.List.of(event.barcode()), event.batchId(), "LENT", event.readerNumber(), message.getTimestamp());
    }

    @EventHandler
    void on(ItemReturnedInPoint event, EventMessage<ItemReturnedInPoint> message) {
        set(java.util.List.of(event.barcode()), event.batchId(), "AT_POINT", null, message.getTimestamp());
    }

    @EventHandler
    void on(ItemsReturned event, EventMessage<ItemsReturned> message) {
        set(event.barcodes(), event.batchId(), "BACK_AT_LIBRARY", null, message.getTimestamp());
    }

    @EventHandler
    void on(ItemInspected event, EventMessage<ItemInspected> message) {
        if (event.outcome() == InspectionOutcome.LOST) {
            set(java.util.List.of(event.barcode()), event.batchId(), "LOST", null, message.getTimestamp());
        }
    }

    /** §5.4.2: a lost item turned up and is back at the library. */
    @EventHandler
    void on(LostItemFound event, EventMessage<LostItemFound> message) {
        set(java.util.List.of(event.barcode()), event.batchId(), "BACK_AT_LIBRARY", null, message.getTimestamp());
    }

    /**
     * Moves the given items of a batch to a state, unless a later event already moved them elsewhere: one
     * conditional update by {@code _id} each ({@code since} not after this event), sent with the rest of the
     * processing batch's writes ({@link BatchWrites}: one bulk request, not a round trip per event). The embedded
     * store finds these by its {@code _id} index too ({@code ConsistentH2Backend}).
     */
    private void set(Collection<String> barcodes, String batchId, String state, String reader, Instant at) {
        Document update = new Document("batchId", batchId).append("state", state).append("readerNumber", reader)
                .append("since", Date.from(at));
        barcodes.forEach(barcode -> write(new UpdateOneModel<>(new Document("_id", barcode)
                .append("since", new Document("$lte", Date.from(at))), new Document("$set", update))));
    }

    /** Moves the items of a whole batch that are still this batch's and in {@code from} to {@code to}. */
    private void moveBatch(String batchId, Collection<String> barcodes, String from, String to, Instant at) {
        Document update = new Document("$set", new Document("state", to).append("since", Date.from(at)));
        barcodes.forEach(barcode -> write(new UpdateOneModel<>(new Document("_id", barcode).append("batchId", batchId)
                .append("state", from).append("since", new Document("$lte", Date.from(at))), update)));
    }

    /**
     * Filters are plain documents with {@code _id} at the top: the embedded store finds a filter on {@code _id} and
     * more by its index only in that shape ({@code Filters.and} renders {@code $and}, which it answers by a scan).
     */
    private void write(WriteModel<Document> write) {
        BatchWrites.write(mongo.getCollection(COLLECTION), write);
    }

    /**
     * The items' documents as they are, read by {@code _id} in look-ups of a few dozen keys, after the processing
     * batch's writes so far.
     */
    private Map<String, ItemLocationDocument> current(Collection<String> barcodes) {
        BatchWrites.flush();
        Map<String, ItemLocationDocument> found = new HashMap<>();
        KeyedReads.byIds(mongo, barcodes, ItemLocationDocument.class).forEach(item -> found.put(item.barcode, item));
        return found;
    }

    /** Writes whole documents by {@code _id}, with the processing batch's writes. */
    private void save(List<ItemLocationDocument> documents) {
        documents.forEach(document -> {
            Document stored = new Document();
            mongo.getConverter().write(document, stored);
            write(new ReplaceOneModel<>(Filters.eq("_id", document.barcode), stored,
                    new ReplaceOptions().upsert(true)));
        });
    }

    /**
     * Moves every item of a batch that is still in {@code from} to {@code to} (a state only this batch sets) by one
     * update on {@code (batchId, state)}: a scan of the collection on the embedded store. Only for batches picked
     * before {@link ItemLocationBatch} lists were kept.
     */
    private void setBatch(String batchId, String from, String to, Instant at) {
        write(new UpdateManyModel<>(new Document("batchId", batchId).append("state", from),
                new Document("$set", new Document("state", to).append("since", Date.from(at)))));
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(ItemLocationBatch.COLLECTION);
    }

    @QueryHandler
    Optional<ItemLocation> handle(ItemLocationQuery query) {
        return Optional.ofNullable(mongo.findById(query.barcode(), ItemLocationDocument.class))
                .map(ItemLocationDocument::toLocation);
    }
}
