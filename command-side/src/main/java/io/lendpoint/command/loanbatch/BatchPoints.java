package io.lendpoint.command.loanbatch;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import io.lendpoint.api.loanbatch.BatchRequested;

/**
 * Which point a batch belongs to, for the HTTP layer's point check: read from the batch's first event (a batch
 * never changes point), so a manager's request is checked before it is dispatched. Empty for an unknown batch.
 */
@Component
class BatchPoints {

    private final EventStore events;

    BatchPoints(EventStore events) {
        this.events = events;
    }

    String pointOf(String batchId) {
        return events.readEvents(batchId, 0).asStream().findFirst()
                .filter(first -> first.getPayload() instanceof BatchRequested)
                .map(first -> ((BatchRequested) first.getPayload()).servicePointId())
                .orElse("");
    }
}
