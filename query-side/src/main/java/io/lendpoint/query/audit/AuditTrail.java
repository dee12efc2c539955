package io.lendpoint.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.platform.audit.PersonalDataMask;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the event store for auditors — the store itself, never a projection: one aggregate's history, and the whole
 * stream (or a slice: from a position or an instant, filtered by user, point, type, time) in stream order.
 */
@Component
class AuditTrail {

    private final EventStore events;
    private final ObjectMapper json;

    AuditTrail(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    List<AuditEvent> history(String aggregateId, Instant until, boolean unmasked) {
        List<AuditEvent> history = new ArrayList<>();
        events.readEvents(aggregateId).asStream()
                .filter(event -> until == null || !event.getTimestamp().isAfter(until))
                .forEach(event -> history.add(view(event, null, unmasked)));
        return history;
    }

    /**
     * Walks the stream from {@code fromPosition} (or from {@code from}, or the start) and hands every event that
     * matches to {@code sink}, until {@code limit} matched, an event later than {@code to}, or the end of the stream
     * as it was at the start ({@code untilPosition}, when given). Answers where to continue, or null at the end.
     */
    Long scan(Long fromPosition, Instant from, Instant to, Long untilPosition, AuditFilter filter,
              int limit, boolean unmasked, Consumer<AuditEvent> sink) {
        TrackingToken start = fromPosition != null ? tokenBefore(fromPosition)
                : from != null ? events.createTokenAt(from) : null;
        int matched = 0;
        // up to the head seen now (or untilPosition), waiting for what the stream has not delivered yet: Axon
        // Server's buffer may be empty for a moment, and without waiting a search would end there
        Long head = head();
        long target = untilPosition != null ? untilPosition : head == null ? -1 : head;
        long at = start == null ? -1 : start.position().orElse(-1);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start)) {
            while (at < target && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long position = event.trackingToken().position().orElse(-1);
                at = Math.max(at, position);
                if ((untilPosition != null && position > untilPosition) || (to != null && event.getTimestamp().isAfter(to))) {
                    return null;
                }
                if (filter.matches(event)) { // on the event as read: one that does not match is never shown
                    if (matched == limit) {
                        return position;
                    }
                    sink.accept(view(event, position, unmasked));
                    matched++;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event stream", interrupted);
        }
        return null;
    }

    /** A token just before {@code position}, of the kind the store uses (gap-aware for JDBC, global for Axon Server). */
    private TrackingToken tokenBefore(long position) {
        if (position <= 0) {
            return null;
        }
        return events.createHeadToken() instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(position - 1, java.util.Collections.emptySortedSet())
                : new GlobalSequenceTrackingToken(position - 1);
    }

    /** The position of the newest event now (the head), to fix the end of an export and its manifest. */
    Long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? null : head.position().orElse(-1);
    }

    private AuditEvent view(EventMessage<?> event, Long position, boolean unmasked) {
        MetaData meta = event.getMetaData();
        JsonNode payload = json.valueToTree(event.getPayload());
        String aggregateType = event instanceof DomainEventMessage<?> domain ? domain.getType() : null;
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        return new AuditEvent(position, aggregateType, aggregateId, sequence, event.getTimestamp(),
                event.getPayloadType().getSimpleName(), text(meta, AuditMetadata.USER), text(meta, AuditMetadata.ROLE),
                text(meta, AuditMetadata.REQUEST_ID), text(meta, AuditMetadata.CORRELATION_ID),
                text(meta, AuditMetadata.TRACE_ID), unmasked ? PersonalDataMask.withholdLegacy(payload) : PersonalDataMask.mask(payload));
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
