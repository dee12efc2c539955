package io.lendpoint.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds a projection the way its event processor does: domain event messages with per-aggregate sequence
 * numbers, dispatched through Axon's own annotation handling (so the tests also prove the {@code @EventHandler}
 * wiring), and keeps the stream so that tests can redeliver any part of it.
 */
public final class ProjectionFixture {

    private final AnnotationEventHandlerAdapter handlers;
    private final String aggregateType;
    private final List<DomainEventMessage<?>> stream = new ArrayList<>();

    public ProjectionFixture(Object projection, String aggregateType) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.aggregateType = aggregateType;
    }

    /** Appends the next event of {@code aggregateId} to the stream and delivers it. */
    public DomainEventMessage<?> deliver(String aggregateId, Object payload, MetaData metaData) {
        DomainEventMessage<?> message = append(aggregateId, payload, metaData);
        redeliver(message);
        return message;
    }

    /**
     * Appends the next events of {@code aggregateId} and delivers them as one processing batch (its writes sent
     * together, {@link ProcessingBatch}); the batch's outcome.
     */
    public ResultMessage<?> deliverInOneBatch(String aggregateId, List<?> payloads) {
        return redeliverInOneBatch(payloads.stream()
                .<DomainEventMessage<?>>map(payload -> append(aggregateId, payload, MetaData.emptyInstance())).toList());
    }

    /** Delivers messages (again) as one processing batch. */
    public ResultMessage<?> redeliverInOneBatch(List<DomainEventMessage<?>> messages) {
        return new ProcessingBatch().run(messages, message -> redeliver((DomainEventMessage<?>) message));
    }

    private DomainEventMessage<?> append(String aggregateId, Object payload, MetaData metaData) {
        long sequence = stream.stream().filter(m -> m.getAggregateIdentifier().equals(aggregateId)).count();
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                metaData);
        stream.add(message);
        return message;
    }

    /** Delivers a message (again), as after a restart before the token was stored, or in a replay. */
    public void redeliver(DomainEventMessage<?> message) {
        if (!handlers.canHandle(message)) {
            throw new IllegalArgumentException("the projection has no handler for " + message.getPayloadType());
        }
        try {
            handlers.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything delivered so far, in order. */
    public List<DomainEventMessage<?>> stream() {
        return List.copyOf(stream);
    }
}
