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
        EmbeddedEventStore store = lingering(new CountingEngine(), Duration.ofSeconds(1));
        store.publish(GenericEventMessage.asEventMessage("before"));
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).as("nothing new yet").isFalse();
            Thread.sleep(1200); // more than the linger since the reader was woken; it looks by itself every minute

            store.publish(GenericEventMessage.asEventMessage("lone"));
            assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).as("read at once").isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("lone");
        }
    }

    @Test
    @DisplayName("issue 8: commits within the linger after one that woke the reader are read together, within it")
    void commitsWithinLingerReadTogether() throws InterruptedException {
        CountingEngine lingeringEngine = new CountingEngine();
        int lingeringReads = readsFor(lingering(lingeringEngine, Duration.ofSeconds(1)), lingeringEngine);
        CountingEngine axonsEngine = new CountingEngine();
        int axonsReads = readsFor(axons(axonsEngine), axonsEngine);

        assertThat(lingeringReads).as("the reader's fetches of 40 commits 20 ms apart, lingering 1 s")
                .isLessThanOrEqualTo(6);
        assertThat(axonsReads).as("Axon's store, woken for each commit (the control)").isGreaterThanOrEqualTo(20);
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

    /**
     * Publishes 40 events 20 ms apart, after a quiet second, to a tailing stream, which must have read them all 3 s
     * after the last (the reader looks by itself only every minute); answers the reader's fetches meanwhile.
     */
    private static int readsFor(EmbeddedEventStore store, CountingEngine engine) throws InterruptedException {
        store.publish(GenericEventMessage.asEventMessage("before"));
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
            Thread.sleep(1200);
            int before = engine.readerFetches.get();
            for (int i = 0; i < 40; i++) {
                store.publish(GenericEventMessage.asEventMessage("event " + i));
                Thread.sleep(20);
            }
            for (int i = 0; i < 40; i++) {
                assertThat(stream.hasNextAvailable(3, TimeUnit.SECONDS)).as("event %d read", i).isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + i);
            }
            return engine.readerFetches.get() - before;
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
