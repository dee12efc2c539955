package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.ItemLocation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Where one item is, in collection {@code item_locations}, keyed by its barcode. */
@Document(ItemLocations.COLLECTION)
@CompoundIndex(name = "batch_state", def = "{'batchId': 1, 'state': 1}") // moving a whole batch (shipped, received)
class ItemLocationDocument {

    @Id
    String barcode;
    String title;
    @Indexed
    String batchId;
    String servicePointId;
    String state;
    String readerNumber;
    Instant since;

    ItemLocationDocument() {
    }

    ItemLocationDocument(String barcode, String title, String batchId, String servicePointId, String state,
                         String readerNumber, Instant since) {
        this.barcode = barcode;
        this.title = title;
        this.batchId = batchId;
        this.servicePointId = servicePointId;
        this.state = state;
        this.readerNumber = readerNumber;
        this.since = since;
    }

    ItemLocation toLocation() {
        return new ItemLocation(barcode, title, batchId, servicePointId, state, readerNumber, since);
    }
}
