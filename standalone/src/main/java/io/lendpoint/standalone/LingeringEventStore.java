package io.lendpoint.standalone;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's embedded event store, whose reader of new events lingers under load: a commit more than {@code linger}
 * after the reader was last woken wakes it at once, as Axon's store does for every commit; a commit sooner than that
 * is read with the others of the same span when the reader is woken again, {@code linger} after the last time.
 *
 * <p>Issue 8: woken for every commit, the reader fetched each event alone, and the twelve processors' coordinators
 * and the work packages of the groups that handle it then took it alone too: a fetch, a wake-up per processor, and a
 * unit of work, a token write and a write to the projection store per group, for each event. On the two cores that
 * also run the commands, that per-event work was most of a command's cost (commands ran three times as fast with
 * the processors paused). Read together, a span's events are one fetch, one wake-up per processor, one token write
 * per group's batch.
 *
 * <p>What it costs: under load, a projection shows a command's events up to {@code linger} later than it would
 * (projections are eventually consistent in any case). A command after a quiet {@code linger} is read at once.
 */
final class LingeringEventStore extends EmbeddedEventStore {

    private final long lingerNanos;
    private final AtomicLong lastWake;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final ScheduledExecutorService waker =
            Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("event-store-linger"));

    LingeringEventStore(Builder builder, Duration linger) {
        super(builder);
        this.lingerNanos = linger.toNanos();
        this.lastWake = new AtomicLong(System.nanoTime() - lingerNanos);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        long now = System.nanoTime();
        long last = lastWake.get();
        if (now - last >= lingerNanos && lastWake.compareAndSet(last, now)) {
            super.afterCommit(events);
        } else if (wakeScheduled.compareAndSet(false, true)) {
            try {
                waker.schedule(this::wake, Math.max(0, last + lingerNanos - now), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shutDown) {
                // a command committing while the application stops: the reader has stopped too
            }
        } // else a wake is scheduled and has not begun: it comes after this commit, so its read finds these events
    }

    private void wake() {
        wakeScheduled.set(false); // before the reader is woken: a commit after this schedules the next wake
        lastWake.set(System.nanoTime());
        super.afterCommit(List.of());
    }

    @Override
    public void shutDown() {
        waker.shutdownNow();
        super.shutDown();
    }
}
