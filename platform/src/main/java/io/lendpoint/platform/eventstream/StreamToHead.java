package io.lendpoint.platform.eventstream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.concurrent.TimeUnit;

/**
 * Reads the event stream after a position up to a target position (usually the head seen when the reading began),
 * event by event, for the readers that walk the stream for auditors and operators (the audit index of requested
 * batches, the audit search and export, the integrity check). It waits up to {@value #WAIT_SECONDS} s for an event
 * the stream has not delivered yet: Axon Server's buffer may be empty for a moment, and a read that did not wait
 * would end there as if at the end of the stream. The JDBC store delivers at once.
 */
public final class StreamToHead {

    static final int WAIT_SECONDS = 10;

    /** What a reading does with each event; false stops it there. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(TrackedEventMessage<?> event);
    }

    private StreamToHead() {
    }

    /** The position of the newest event now, -1 for an empty store. */
    public static long head(EventStore events) {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Reads the events after {@code from} (null: from the first) until one at or beyond {@code target} was read, the
     * visitor stops, or nothing more came within the wait, and then any event already committed into a gap of
     * {@code from} at or before the target (a JDBC store's gap: a transaction that committed after a later one);
     * the position reached ({@code from}'s, or -1, when none was read), which a caller compares with its target to
     * know whether the read was complete.
     */
    public static long read(EventStore events, TrackingToken from, long target, Visitor visitor) {
        long at = from == null ? -1 : from.position().orElse(-1);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from)) {
            boolean stopped = false;
            while (!stopped && at < target && stream.hasNextAvailable(WAIT_SECONDS, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                at = Math.max(at, event.trackingToken().position().orElse(at));
                stopped = !visitor.visit(event);
            }
            // Events committed late into gaps `from` had (a JDBC store, two transactions committing out of order)
            // come before any newer one: those already there are read too, even when `from` is at the target.
            boolean gapsBehind = hasGapsUpTo(from, target);
            while (!stopped && gapsBehind && stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.peek().orElse(null);
                if (event == null || event.trackingToken().position().orElse(Long.MAX_VALUE) > target) {
                    break;
                }
                stopped = !visitor.visit(stream.nextAvailable());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event stream", interrupted);
        }
        return at;
    }

    /** Whether {@code from} has gaps, events not yet committed when it was reached, at or before {@code target}. */
    private static boolean hasGapsUpTo(TrackingToken from, long target) {
        return from instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()
                && gapAware.getGaps().first() <= target;
    }
}
