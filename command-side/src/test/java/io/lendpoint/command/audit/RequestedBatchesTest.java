package io.lendpoint.command.audit;

import io.lendpoint.api.loanbatch.BatchRequested;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RequestedBatchesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    private final AtomicInteger read = new AtomicInteger();
    private EmbeddedEventStore events;
    private DataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        dataSource = database();
        jdbc = new JdbcTemplate(dataSource);
    }

    /** A new, empty database for one test: HSQLDB in memory, as standalone's command-side database. */
    DataSource database() {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:mem:audit-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
        return hsqldb;
    }

    /** Closes the database of one test. */
    void close(JdbcTemplate database) {
        database.execute("SHUTDOWN");
    }

    @AfterEach
    void tearDown() {
        events.shutDown();
        close(jdbc);
    }

    private RequestedBatches index() {
        return index(java.time.Duration.ofMinutes(5));
    }

    private RequestedBatches index(java.time.Duration interval) {
        RequestedBatches index = new RequestedBatches(events, dataSource, JacksonSerializer.defaultSerializer(),
                interval) {
            @Override
            synchronized long catchUp() {
                long count = super.catchUp();
                read.addAndGet((int) count);
                return count;
            }
        };
        index.afterPropertiesSet();
        return index;
    }

    private void requested(String batchId, String pointId, Instant at) {
        publish(batchId, new BatchRequested(batchId, pointId, List.of(new CategoryQuantity("I", 100)), 100,
                LocalDate.of(2026, 4, 1), "学校图书室", 12, null), at);
    }

    private void publish(String aggregateId, Object payload, Instant at) {
        events.publish(new GenericDomainEventMessage<>("Any", aggregateId, 0, payload, Map.of(),
                UUID.randomUUID().toString(), at));
    }

    @Test
    @DisplayName("issue 7: a point's state lists the batches it had requested by the instant asked, in their order, "
            + "and no other point's")
    void batchesOfAPointByAnInstant() {
        requested("b-2", "sp-1", T0);
        publish("sp-2", new ServicePointRejected("sp-2", "不符合"), T0.plusSeconds(30));
        requested("b-9", "sp-2", T0.plusSeconds(60));
        requested("b-1", "sp-1", T0.plusSeconds(120));
        RequestedBatches index = index();

        assertThat(index.of("sp-1", T0.minusSeconds(1))).isEmpty();
        assertThat(index.of("sp-1", T0)).containsExactly("b-2");
        assertThat(index.of("sp-1", T0.plusSeconds(120))).containsExactly("b-2", "b-1");
        assertThat(index.of("sp-2", T0.plusSeconds(3600))).containsExactly("b-9");
        assertThat(index.of("sp-3", T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    @DisplayName("issue 8: the stream is read once; later calls read only the events since, and a new instance "
            + "goes on from the position recorded")
    void readsOnlyWhatIsNew() {
        requested("b-1", "sp-1", T0);
        publish("sp-2", new ServicePointRejected("sp-2", "不符合"), T0.plusSeconds(1));
        RequestedBatches index = index();
        assertThat(index.of("sp-1", T0.plusSeconds(10))).containsExactly("b-1");
        assertThat(read).hasValue(2);

        assertThat(index.of("sp-1", T0.plusSeconds(10))).containsExactly("b-1");
        assertThat(read).as("nothing new: nothing read").hasValue(2);

        requested("b-2", "sp-1", T0.plusSeconds(20));
        assertThat(index().of("sp-1", T0.plusSeconds(30))).as("another instance, e.g. after a restart")
                .containsExactly("b-1", "b-2");
        assertThat(read).as("only the new request read").hasValue(3);
    }

    @Test
    @DisplayName("issue 8: the index is never the only copy: dropped, it is read again from the first event")
    void droppedIndexIsReadAgain() {
        requested("b-1", "sp-1", T0);
        requested("b-2", "sp-1", T0.plusSeconds(1));
        assertThat(index().of("sp-1", T0.plusSeconds(10))).containsExactly("b-1", "b-2");

        jdbc.execute("DROP TABLE audit_requested_batch");
        jdbc.execute("DROP TABLE audit_index_token");

        assertThat(index().of("sp-1", T0.plusSeconds(10))).containsExactly("b-1", "b-2");
        assertThat(read).hasValue(4);
    }

    @Test
    @DisplayName("issue 8: a stream longer than a chunk is recorded whole, in the order of the requests")
    void longStreamInChunks() {
        int total = RequestedBatches.CHUNK + 5;
        for (int i = 0; i < total; i++) {
            requested("b-" + i, "sp-" + (i % 7), T0.plusMillis(i));
        }
        RequestedBatches index = index();
        assertThat(index.catchUp()).isEqualTo(total);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_requested_batch", Long.class)).isEqualTo(total);
        assertThat(index.of("sp-3", T0.plusSeconds(3600))).hasSize((total - 3 + 6) / 7).startsWith("b-3", "b-10");
        assertThat(index.catchUp()).as("caught up").isZero();
    }

    @Test
    @DisplayName("issue 8: two instances catching up at once (as two command-side instances after an upgrade) record "
            + "every request once and end at the same position")
    void instancesCatchUpTogether() throws Exception {
        int total = 2 * RequestedBatches.CHUNK + 17;
        for (int i = 0; i < total; i++) {
            requested("b-" + i, "sp-" + (i % 5), T0.plusMillis(i));
        }
        RequestedBatches one = index();
        RequestedBatches other = index();
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Long>> reads = both.invokeAll(List.of(one::catchUp, other::catchUp));
            for (java.util.concurrent.Future<Long> catchUp : reads) {
                assertThat(catchUp.get()).isEqualTo(total);
            }
        } finally {
            both.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_requested_batch", Long.class)).isEqualTo(total);
        assertThat(one.catchUp()).as("nothing left for either").isZero();
        assertThat(other.of("sp-4", T0.plusSeconds(3600))).hasSize(total / 5 + (total % 5 > 4 ? 1 : 0));
    }

    @Test
    @DisplayName("issue 8: in the background the index keeps up with the stream every interval, until it is stopped")
    void keepsUpInTheBackground() throws Exception {
        requested("b-1", "sp-1", T0);
        RequestedBatches index = index(java.time.Duration.ofMillis(50));
        index.keepUpInTheBackground();
        try {
            requested("b-2", "sp-1", T0.plusSeconds(1));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (jdbc.queryForObject("SELECT COUNT(*) FROM audit_requested_batch", Long.class) < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_requested_batch", Long.class))
                    .as("both requests recorded without an audit asking").isEqualTo(2);
        } finally {
            index.destroy();
        }
        Thread.sleep(200); // a round under way ends
        int readWhenStopped = read.get();
        requested("b-3", "sp-1", T0.plusSeconds(2));
        Thread.sleep(300);
        assertThat(read).as("stopped: nothing more read").hasValue(readWhenStopped);
    }
}
