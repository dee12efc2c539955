package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.DiscrepancyKind;
import io.lendpoint.api.loanbatch.InspectionOutcome;
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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
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
        event.items().forEach(item -> {
            ItemLocationDocument current = mongo.findById(item.barcode(), ItemLocationDocument.class);
            if (current == null || !current.since.isAfter(message.getTimestamp())) {
                mongo.save(new ItemLocationDocument(item.barcode(), item.title(), event.batchId(),
                        event.servicePointId(), "PICKED", null, message.getTimestamp()));
            }
        });
    }

    @EventHandler
    void on(ItemsUnpicked event, EventMessage<ItemsUnpicked> message) {
        set(event.barcodes(), event.batchId(), "AT_LIBRARY", null, message.getTimestamp());
    }

    @EventHandler
    void on(BatchShipped event, EventMessage<BatchShipped> message) {
        setBatch(event.batchId(), "PICKED", "IN_TRANSIT", message.getTimestamp());
    }

    @EventHandler
    void on(BatchReceived event, EventMessage<BatchReceived> message) {
        setBatch(event.batchId(), "IN_TRANSIT", "AT_POINT", message.getTimestamp());
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
     * Moves the given items of a batch to a state, unless a later event already moved them elsewhere (looked up
     * by exactly {@code _id}, compared, saved: the embedded server indexes nothing else).
     */
    private void set(Collection<String> barcodes, String batchId, String state, String reader, Instant at) {
        for (String barcode : barcodes) {
            ItemLocationDocument current = mongo.findById(barcode, ItemLocationDocument.class);
            if (current != null && !current.since.isAfter(at)) {
                mongo.save(new ItemLocationDocument(barcode, current.title, batchId, current.servicePointId, state,
                        reader, at));
            }
        }
    }

    /** Moves every item of a batch that is still in {@code from} to {@code to} (a state only this batch sets). */
    private void setBatch(String batchId, String from, String to, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("batchId").is(batchId).and("state").is(from)),
                new Update().set("state", to).set("since", at), ItemLocationDocument.class);
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(COLLECTION);
    }

    @QueryHandler
    Optional<ItemLocation> handle(ItemLocationQuery query) {
        return Optional.ofNullable(mongo.findById(query.barcode(), ItemLocationDocument.class))
                .map(ItemLocationDocument::toLocation);
    }
}
