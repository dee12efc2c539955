package io.lendpoint.platform.eventstream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StreamToHeadTest {

    @Test
    @DisplayName("reads after a position up to the target, and stops where the visitor says")
    void readsToTheTarget() {
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            for (int i = 0; i < 10; i++) {
                events.publish(GenericEventMessage.asEventMessage("event " + i));
            }
            assertThat(StreamToHead.head(events)).isEqualTo(9);
            List<Object> seen = new ArrayList<>();
            assertThat(StreamToHead.read(events, new GlobalSequenceTrackingToken(2), 6, event -> seen.add(
                    event.getPayload()))).isEqualTo(6);
            assertThat(seen).containsExactly("event 3", "event 4", "event 5", "event 6");
            seen.clear();
            assertThat(StreamToHead.read(events, null, 9, event -> seen.add(event.getPayload()) && seen.size() < 2))
                    .isEqualTo(1);
            assertThat(seen).containsExactly("event 0", "event 1");
        } finally {
            events.shutDown();
        }
    }

    @Test
    @DisplayName("an event the stream has not delivered yet is waited for, not taken for the end (Axon Server's "
            + "buffer may be empty for a moment)")
    void waitsForWhatIsNotDeliveredYet() {
        TrackedEventMessage<String> late = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(0),
                GenericEventMessage.asEventMessage("late"));
        BlockingStream<TrackedEventMessage<?>> momentarilyEmpty = new BlockingStream<>() {
            private boolean delivered;

            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return Optional.empty();
            }

            @Override
            public boolean hasNextAvailable() {
                return false; // what a read that does not wait sees
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                return !delivered; // it comes within the wait
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                delivered = true;
                return late;
            }

            @Override
            public void close() {
            }
        };
        EventStore events = Mockito.mock(EventStore.class);
        Mockito.when(events.openStream((TrackingToken) null)).thenAnswer(invocation -> momentarilyEmpty);
        List<Object> seen = new ArrayList<>();

        assertThat(StreamToHead.read(events, null, 0, event -> seen.add(event.getPayload()))).isZero();
        assertThat(seen).containsExactly("late");
    }
}
