package io.lendpoint.command.audit;

import io.lendpoint.api.loanbatch.BatchRequested;
import io.lendpoint.platform.eventstream.StreamToHead;
import io.lendpoint.platform.jdbc.SchemaCreation;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 7, found slow in issue 8: which batches a point had requested by an instant, for the point's state then
 * ({@link PointInTimeController}). A batch's id says nothing of its point, and only the {@code BatchRequested} event
 * says which point asked for it, so this read the whole event stream up to the instant on every call: 39 s for one
 * point at 2,000 points. Now the requests are indexed in the command side's database (the event store's HSQLDB in
 * standalone, PostgreSQL in distributed mode): table {@code audit_requested_batch}, one row per request, and in
 * {@code audit_index_token} the position in the event stream read so far (Axon's tracking token, so a request
 * committed late into a gap of the stream is still read: by the next catch-up when that reads the store itself, at
 * the latest by the first after an event newer than it when Axon serves the read from its cache of recent events).
 * Before answering, the events from that position up to the head of the stream as it was when asked are read and
 * their requests added, in transactions of at most {@value #CHUNK} events, so the answer is exact up to the moment
 * asked but for such a late request. Each chunk's transaction first locks the
 * token's row, so instances of the command side that catch up at once record one chunk at a time, never a request
 * twice, and never move the position back. With the command side stopped, both tables may be dropped: they are
 * read again from the first event. After start-up, and every few minutes after, the index catches up in the
 * background ({@link #keepUpInTheBackground}), so an audit finds it nearly current (one asked during the first
 * catch-up after an upgrade waits for it).
 */
@Component
class RequestedBatches implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RequestedBatches.class);
    static final String INDEX = "requested-batches";
    static final int CHUNK = 10_000;

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final Duration interval;
    private volatile Thread keeper;

    RequestedBatches(EventStore events, DataSource dataSource, Serializer serializer,
                     @Value("${lendpoint.audit.index-interval:PT5M}") Duration interval) {
        this.events = events;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.serializer = serializer;
        this.interval = interval;
    }

    @Override
    public void afterPropertiesSet() {
        SchemaCreation.run(jdbc.getDataSource(), List.of("audit_requested_batch", "audit_index_token"), List.of(
                "CREATE TABLE IF NOT EXISTS audit_requested_batch (batch_id VARCHAR(200) NOT NULL PRIMARY KEY, "
                        + "service_point_id VARCHAR(200) NOT NULL, requested_at_nanos BIGINT NOT NULL, "
                        + "stream_position BIGINT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS audit_requested_batch_point ON audit_requested_batch (service_point_id)",
                "CREATE TABLE IF NOT EXISTS audit_index_token (index_name VARCHAR(64) NOT NULL PRIMARY KEY, "
                        + "token_type VARCHAR(500), token VARCHAR(1000000))"));
    }

    /**
     * After start-up, and then every {@code lendpoint.audit.index-interval} (5 minutes), the index catches up on a
     * thread of its own, so an audit seldom has more than a few minutes of events to read first, and a restart
     * little to catch up on.
     */
    @EventListener(ApplicationReadyEvent.class)
    void keepUpInTheBackground() {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    catchUp();
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // stopping: the database may be closed already
                    }
                    log.warn("audit index of requested batches not caught up (the next audit will): {}",
                            e.toString());
                }
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }, "audit-requested-batches");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        keeper = thread;
        thread.start();
    }

    @Override
    public void destroy() {
        Thread running = keeper;
        if (running != null) {
            running.interrupt();
        }
    }

    /** The batches {@code servicePointId} had requested by {@code at}, in the order of their requests. */
    List<String> of(String servicePointId, Instant at) {
        catchUp();
        return jdbc.queryForList("SELECT batch_id FROM audit_requested_batch WHERE service_point_id = ? "
                + "AND requested_at_nanos <= ? ORDER BY stream_position, batch_id", String.class, servicePointId,
                nanos(at));
    }

    /** Reads the events since the position recorded up to the head and records their requests; how many it read. */
    synchronized long catchUp() {
        long start = System.nanoTime();
        TrackingToken from = position();
        long target = StreamToHead.head(events);
        TrackingToken[] last = {from};
        List<Object[]> requests = new ArrayList<>();
        long[] read = {0};
        long at = StreamToHead.read(events, from, target, event -> {
            // the type first: it is known without deserialising the payload, which only the requests need
            if (BatchRequested.class.equals(event.getPayloadType())) {
                BatchRequested requested = (BatchRequested) event.getPayload();
                requests.add(new Object[] {requested.batchId(), requested.servicePointId(),
                        nanos(event.getTimestamp()), event.trackingToken().position().orElse(-1L)});
            }
            last[0] = event.trackingToken();
            if (++read[0] % CHUNK == 0) {
                record(requests, last[0]);
                requests.clear();
            }
            return true;
        });
        if (at < target) {
            log.warn("audit index of requested batches: the stream ended at {} before the head {} seen at the start",
                    at, target);
        }
        if (read[0] % CHUNK != 0) {
            record(requests, last[0]);
        }
        if (read[0] >= CHUNK) {
            log.info("audit index of requested batches: {} events read in {} ms", read[0],
                    (System.nanoTime() - start) / 1_000_000);
        }
        return read[0];
    }

    private void record(List<Object[]> requests, TrackingToken position) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM audit_index_token WHERE index_name = ?", Long.class, INDEX) == 0) {
            try { // the token's row, with no position yet: what every chunk's transaction locks
                jdbc.update("INSERT INTO audit_index_token (index_name) VALUES (?)", INDEX);
            } catch (DuplicateKeyException createdMeanwhile) {
                // by another instance: the same row
            }
        }
        transaction.executeWithoutResult(status -> {
            // one chunk at a time across instances: a second waits here for the first to commit, then sees its rows
            jdbc.update("UPDATE audit_index_token SET index_name = index_name WHERE index_name = ?", INDEX);
            for (Object[] request : requests) {
                if (jdbc.queryForObject("SELECT COUNT(*) FROM audit_requested_batch WHERE batch_id = ?", Long.class,
                        request[0]) == 0) {
                    jdbc.update("INSERT INTO audit_requested_batch (batch_id, service_point_id, requested_at_nanos, "
                            + "stream_position) VALUES (?, ?, ?, ?)", request);
                }
            }
            TrackingToken recorded = position();
            if (recorded == null || !recorded.covers(position)) { // another instance may have read further
                // or read other parts: a late event read into a gap here, later events there; both are recorded
                SerializedObject<String> reached = serializer.serialize(
                        recorded == null ? position : recorded.upperBound(position), String.class);
                jdbc.update("UPDATE audit_index_token SET token_type = ?, token = ? WHERE index_name = ?",
                        reached.getType().getName(), reached.getData(), INDEX);
            }
        });
    }

    /** The position read so far; null before the first event. */
    private TrackingToken position() {
        List<TrackingToken> tokens = jdbc.query("SELECT token_type, token FROM audit_index_token WHERE index_name = ? "
                        + "AND token IS NOT NULL",
                (row, n) -> serializer.deserialize(new SimpleSerializedObject<>(row.getString(2), String.class,
                        new SimpleSerializedType(row.getString(1), null))), INDEX);
        return tokens.isEmpty() ? null : tokens.get(0);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
