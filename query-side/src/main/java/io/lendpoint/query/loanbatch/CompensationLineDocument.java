package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.CompensationView;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One item's compensation in collection {@code compensation_lines}, keyed by {@code batchId/barcode}, so that what a
 * point owes (and is owed) can be paged across all its batches; {@code open} and {@code refundOwed} are kept from
 * the view for filtering. Only its own batch's events touch it, so its batch's sequence makes it idempotent.
 */
@Document(CompensationLineDocument.COLLECTION)
class CompensationLineDocument implements SequencedDocument {

    static final String COLLECTION = "compensation_lines";

    @Id
    String id;
    long lastSequence;
    @Indexed
    String servicePointId;
    String batchId;
    Instant assessedAt;
    CompensationView view;
    boolean open;
    boolean refundOwed;

    static String idOf(String batchId, String barcode) {
        return batchId + "/" + barcode;
    }

    void show(CompensationView changed) {
        view = changed;
        open = changed.open();
        refundOwed = changed.refundOwed();
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
