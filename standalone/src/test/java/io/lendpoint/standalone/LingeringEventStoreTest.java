package io.lendpoint.standalone;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8: the embedded event store's reader of new events reads a lone commit at once, and the commits that follow
 * it within the linger together ({@link LingeringEventStore}).
 */
class LingeringEventStoreTest {

    private final List<EmbeddedEventStore> stores = new ArrayList<>();

    @AfterEach
    void shutDown() {
        stores.forEach(EmbeddedEventStore::shutDown);
    }

    @Test
    @DisplayName("issue 8: a commit after a quiet linger is read at once")
    void loneCommitReadAtOnce() throws InterruptedException {
        EmbeddedEventStore store = lingering(new CountingEngine(), Duration.ofSeconds(3));
        store.publish(GenericEventMessage.asEventMessage("before"));
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).as("nothing new yet").isFalse();
            Thread.sleep(3200); // more than the linger since the reader was woken; it looks by itself every minute

            store.publish(GenericEventMessage.asEventMessage("lone"));
            assertThat(stream.hasNextAvailable(1500, TimeUnit.MILLISECONDS)).as("read at once, not 3 s later")
                    .isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("lone");
        }
    }

    @Test
    @DisplayName("issue 8: commits within the linger after one that woke the reader are read together, within it")
    void commitsWithinLingerReadTogether() throws InterruptedException {
        Duration linger = Duration.ofSeconds(2);
        CountingEngine lingeringEngine = new CountingEngine();
        Reads lingering = readsFor(lingering(lingeringEngine, linger), lingeringEngine, linger);
        CountingEngine axonsEngine = new CountingEngine();
        Reads axons = readsFor(axons(axonsEngine), axonsEngine, linger);

        // a wake for the first commit, then one for each linger the publishing lasted; at most three fetches a wake
        // (one that finds events, one that finds none, and one that finds a commit that came between them)
        long wakes = 1 + (long) Math.ceil((double) lingering.publishing().toNanos() / linger.toNanos());
        assertThat(lingering.fetches()).as("the reader's fetches of 40 commits 20 ms apart in %s, lingering %s",
                lingering.publishing(), linger).isLessThanOrEqualTo((int) (3 * wakes));
        assertThat(lingering.lastReadAfterLastCommit()).as("the last commit read within the linger (and 1 s)")
                .isLessThan(linger.plusSeconds(1));
        assertThat(axons.fetches()).as("Axon's store, woken for each commit (the control)").isGreaterThanOrEqualTo(20);
    }

    @Test
    @DisplayName("issue 8: a linger under 1 ms or over 10 s is refused at start, naming the setting")
    void lingerChecked() {
        EmbeddedEventStoreConfig config = new EmbeddedEventStoreConfig();
        for (Duration wrong : List.of(Duration.ZERO, Duration.ofMillis(-5), Duration.ofSeconds(11))) {
            assertThatThrownBy(() -> config.eventStore(new InMemoryEventStorageEngine(), null, wrong))
                    .hasMessageContaining("lendpoint.event-store.linger");
        }
    }

    /** What {@link #readsFor} saw: the reader's fetches, how long publishing took, when the last event was read. */
    private record Reads(int fetches, Duration publishing, Duration lastReadAfterLastCommit) {
    }

    /**
     * Publishes 40 events 20 ms apart, more than {@code linger} after the reader was last woken, to a tailing stream,
     * which must read them all (the reader looks by itself only every minute).
     */
    private static Reads readsFor(EmbeddedEventStore store, CountingEngine engine, Duration linger)
            throws InterruptedException {
        store.publish(GenericEventMessage.asEventMessage("before"));
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
            Thread.sleep(linger.toMillis() + 200);
            int before = engine.readerFetches.get();
            long first = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                store.publish(GenericEventMessage.asEventMessage("event " + i));
                Thread.sleep(20);
            }
            long last = System.nanoTime() - 20_000_000L;
            for (int i = 0; i < 40; i++) {
                assertThat(stream.hasNextAvailable((int) linger.toMillis() + 3000, TimeUnit.MILLISECONDS))
                        .as("event %d read", i).isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + i);
            }
            return new Reads(engine.readerFetches.get() - before, Duration.ofNanos(last - first),
                    Duration.ofNanos(System.nanoTime() - last));
        }
    }

    private EmbeddedEventStore lingering(CountingEngine engine, Duration linger) {
        EmbeddedEventStore store = new LingeringEventStore(builder(engine), linger);
        stores.add(store);
        return store;
    }

    private EmbeddedEventStore axons(CountingEngine engine) {
        EmbeddedEventStore store = builder(engine).build();
        stores.add(store);
        return store;
    }

    /** The reader looks by itself every minute: within a test, only a wake makes it read. */
    private static EmbeddedEventStore.Builder builder(CountingEngine engine) {
        return EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(60_000);
    }

    /** An in-memory engine that counts the reads of the store's reader of new events (its own thread). */
    private static final class CountingEngine extends InMemoryEventStorageEngine {

        final AtomicInteger readerFetches = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            if (Thread.currentThread().getName().startsWith("EmbeddedEventStore")) {
                readerFetches.incrementAndGet();
            }
            return super.readEvents(trackingToken, mayBlock);
        }
    }
}
