package io.lendpoint.command.audit;

import io.lendpoint.api.loanbatch.BatchRequested;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.HsqlEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit index of requested batches on a JDBC event store, where a request can be committed after a later event
 * (two commands committing at once): its global index is a gap when the index reads past it, and the index must
 * read it once it is committed, also when no event came after it (the answer is exact up to the moment asked).
 */
class RequestedBatchesGapTest {

    /**
     * Now, when the test starts (not when the class is loaded: the PostgreSQL subclass may run minutes later): the
     * store records a gap only for events of its gap time-out (a minute) or younger, as live ones are.
     */
    private final Instant t0 = Instant.now();

    private DataSource dataSource;
    private EmbeddedEventStore events;
    private JdbcEventStorageEngine engine;

    /** A new, empty database for the event store and the index: HSQLDB in memory, as standalone's. */
    DataSource database() {
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:mem:audit-gap-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
        return hsqldb;
    }

    /** The event table of that database. */
    EventTableFactory eventTable() {
        return HsqlEventTableFactory.INSTANCE;
    }

    /** Closes the database of the test. */
    void close(JdbcTemplate database) {
        database.execute("SHUTDOWN");
    }

    @AfterEach
    void tearDown() {
        if (events != null) {
            events.shutDown();
        }
        if (dataSource != null) { // none when the test was skipped for want of a database server
            close(new JdbcTemplate(dataSource));
        }
    }

    @Test
    @DisplayName("issue 8: a request committed after a later event (a gap when read) is in the next answer, "
            + "with nothing after it")
    void requestCommittedIntoAGap() throws Exception {
        dataSource = database();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(transactions))
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        engine.createSchema(eventTable());
        events = EmbeddedEventStore.builder().storageEngine(engine).build();
        RequestedBatches index = new RequestedBatches(events, dataSource, serializer, Duration.ofMinutes(5));
        index.afterPropertiesSet();

        engine.appendEvents(requested("b-first", t0));
        assertThat(index.of("sp-1", t0.plusSeconds(3600))).containsExactly("b-first");

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread late = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            engine.appendEvents(requested("b-late", t0.plusSeconds(10)));
            appended.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "late-request");
        late.start();
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(requested("b-after", t0.plusSeconds(20))); // committed while b-late is not
        assertThat(index.of("sp-1", t0.plusSeconds(3600))).as("b-late not committed yet: a gap")
                .containsExactly("b-first", "b-after");

        commit.countDown();
        late.join(30_000);
        assertThat(index.of("sp-1", t0.plusSeconds(3600))).as("b-late committed, nothing after it")
                .containsExactlyInAnyOrder("b-first", "b-late", "b-after");
    }

    private static GenericDomainEventMessage<BatchRequested> requested(String batchId, Instant at) {
        return new GenericDomainEventMessage<>("LoanBatch", batchId, 0, new BatchRequested(batchId, "sp-1",
                List.of(new CategoryQuantity("I", 100)), 100, LocalDate.of(2026, 4, 1), "学校图书室", 12, null),
                Map.of(), UUID.randomUUID().toString(), at);
    }
}
