package io.lendpoint.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.platform.audit.PersonalDataMask;
import io.lendpoint.platform.eventstream.StreamToHead;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        long target = untilPosition != null ? untilPosition : StreamToHead.head(events);
        int[] matched = {0};
        Long[] next = {null};
        StreamToHead.read(events, start, target, event -> {
            long position = event.trackingToken().position().orElse(-1);
            if ((untilPosition != null && position > untilPosition) || (to != null && event.getTimestamp().isAfter(to))) {
                return false;
            }
            if (filter.matches(event)) { // on the event as read: one that does not match is never shown
                if (matched[0] == limit) {
                    next[0] = position;
                    return false;
                }
                sink.accept(view(event, position, unmasked));
                matched[0]++;
            }
            return true;
        });
        return next[0];
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
        long head = StreamToHead.head(events);
        return head < 0 ? null : head;
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
