package io.lendpoint.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way projections apply an event to an existing document: load it by exactly {@code _id} (the only
 * look-up the embedded Mongo-wire server indexes), skip the event if it was applied already (redelivery after a
 * crash, a replay over existing data), else change, mark and save. A document that is not there yet means the
 * aggregate's creating event has not been projected: that fails, so the event is parked in the processing group's
 * dead-letter queue (with the later events of its aggregate, in order) and retried, instead of being dropped.
 * A document {@link KeptForTheBatch} is loaded once per processing batch and written once at its end.
 */
public final class IdempotentUpdates {

    private IdempotentUpdates() {
    }

    /**
     * The one way projections create the document of an aggregate from its first event: once — a redelivered or
     * replayed event finds the document there and changes nothing — and marked with that event's sequence. Outside
     * a batch that keeps documents of the type, that is one insert, a redelivery known by its duplicate {@code _id}
     * (a look-up before every insert cost the projection store a second round trip per creation: issue 8).
     */
    public static <D extends SequencedDocument> void create(MongoTemplate mongo, Class<D> type, String id,
                                                            DomainEventMessage<?> message, Supplier<D> build) {
        BatchWrites batch = keeping(type);
        if (batch != null && found(mongo, type, id, batch) != null) {
            return; // redelivered
        }
        D document = build.get();
        document.markApplied(message.getSequenceNumber());
        if (batch != null) {
            batch.keep(mongo, id, document);
            return;
        }
        try {
            mongo.insert(document); // one round trip, not a look-up and an insert: a creation is seldom redelivered
        } catch (DuplicateKeyException e) {
            if (mongo.findById(id, type) == null) {
                throw e; // a clash on another unique key, not a redelivery
            }
            // there already, as this event or a later one left it: nothing changes
        }
    }

    /**
     * For a document that more than one kind of event may be the first to touch (it is not the aggregate's own
     * document): created by {@code create} when it is not there, then changed, marked and saved — once per event.
     */
    public static <D extends SequencedDocument> void createOrApply(MongoTemplate mongo, Class<D> type, String id,
                                                                   DomainEventMessage<?> message, Supplier<D> create,
                                                                   Consumer<D> change) {
        BatchWrites batch = keeping(type);
        D document = found(mongo, type, id, batch);
        if (document == null) {
            document = create.get();
        } else if (message.getSequenceNumber() <= document.lastAppliedSequence()) {
            return; // applied already
        }
        try {
            change.accept(document);
        } catch (RuntimeException e) {
            if (batch != null) {
                // the kept document may be half changed and would be written so: the whole batch fails instead, and
                // its retry, event by event, leaves this event's failure to the dead-letter queue as without a batch
                batch.fail(e);
            }
            throw e;
        }
        document.markApplied(message.getSequenceNumber());
        if (batch == null) {
            mongo.save(document);
        } else {
            batch.keep(mongo, id, document);
        }
    }

    /** The document as the batch keeps it (with its events so far), else as stored; null if neither has it. */
    private static <D> D found(MongoTemplate mongo, Class<D> type, String id, BatchWrites batch) {
        D kept = batch == null ? null : batch.kept(mongo, type, id);
        return kept != null ? kept : mongo.findById(id, type);
    }

    /** The processing batch that keeps documents of this type, if it is one that may be kept and there is one. */
    private static BatchWrites keeping(Class<?> type) {
        return KeptForTheBatch.class.isAssignableFrom(type) ? BatchWrites.current() : null;
    }

    public static <D extends SequencedDocument> void apply(MongoTemplate mongo, Class<D> type, String id,
                                                           DomainEventMessage<?> message, Consumer<D> change) {
        createOrApply(mongo, type, id, message, () -> {
            throw new IllegalStateException(type.getSimpleName() + " " + id + " is not projected yet; event "
                    + message.getIdentifier() + " (" + message.getPayloadType().getSimpleName() + ") will be retried");
        }, change);
    }
}
