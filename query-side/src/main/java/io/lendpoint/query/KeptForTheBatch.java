package io.lendpoint.query;

/**
 * A document its projection reads and writes in its event handlers only through {@link IdempotentUpdates}: so
 * within a processing batch it is loaded once, kept with the batch's changes and written once at the batch's end
 * ({@link BatchWrites}), not found and saved again for every event — a loan batch's document takes 2,000
 * inspections, returned in batches of 100 events. A handler that reads or writes such a collection any other way
 * must call {@link BatchWrites#flush()} first.
 */
public interface KeptForTheBatch extends SequencedDocument {
}
