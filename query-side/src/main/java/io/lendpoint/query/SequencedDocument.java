package io.lendpoint.query;

/**
 * A read-model document of one aggregate that remembers the sequence number of the last of that aggregate's
 * events applied to it — what makes a projection idempotent under redelivery and replay.
 */
public interface SequencedDocument {

    long lastAppliedSequence();

    void markApplied(long sequence);
}
