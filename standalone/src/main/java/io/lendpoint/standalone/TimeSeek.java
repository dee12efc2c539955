package io.lendpoint.standalone;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.CreateTokenAtStatementBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * How the embedded event store finds the position of an instant (Axon's {@code createTokenAt}, which the audit search
 * from a date uses): the first event in stream order stamped at or after it, found through marks of the stream's
 * latest time stamp instead of a walk of the event table from its first row.
 *
 * <p>Axon asks {@code SELECT min(globalIndex) - 1 FROM DomainEventEntry WHERE timeStamp >= ?}. The time stamp has no
 * index, so HSQLDB 2.7.4 walks the table in stream order from its first row until a row matches: 2.8–2.9 s on a
 * 500-point city's 2 million events for an instant after the last event, growing with the store. An index on the time
 * stamp would cost every append and would not help that statement: it would read every event after the instant.
 * Nor can the stream's order stand in for time: the events of one unit of work are stamped when applied and stored
 * when it commits, a history loaded in bulk (the benchmark's cities are generated point by point, each through its
 * year) is stored far out of time order, and an instant's first event must be found in any of them.
 *
 * <p>So the store keeps, for every {@link #BLOCK} positions, the latest time stamp of all events up to the block's
 * end ({@code event_time_marks}): a running maximum, which grows with the position whatever order the events came
 * in. The first event stamped at or after an instant lies in the first block whose mark reaches the instant, after
 * the end of the block before it: Axon's condition is asked from there, a walk of at most one block (or of the
 * unmarked end of the stream). Only blocks that have settled are marked: those that end {@link #SETTLED} positions or
 * more behind the head, where Axon's own processors stop waiting for an append still committing ({@code
 * maxGapOffset}). Marks are added after each start ({@link TimeMarksAtStart}; the whole stream of a 500-point city in
 * 3.5 s) and when an instant is asked for, unless another thread is marking: with fewer marks the answer is as exact,
 * only its walk longer. They must be deleted with the events if a store's events are ever loaded again from
 * scratch (positions reused), and are made again when the block size changes. The answers are Axon's
 * ({@code TimeSeekTest}).
 */
final class TimeSeek implements CreateTokenAtStatementBuilder {

    /** The marks' table, created at start-up beside the event tables. */
    static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS event_time_marks (
              block_end BIGINT PRIMARY KEY,
              latest VARCHAR(255) NOT NULL)""");

    /** Positions per mark: the longest walk an answer inside the marked stream takes. */
    static final int BLOCK = 4096;

    /** How far behind the head a block must end to be marked: Axon's {@code maxGapOffset}. */
    static final int SETTLED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TimeSeek.class);

    private final DataSource dataSource;
    private final int block;
    private final int settled;
    private final ReentrantLock marking = new ReentrantLock();

    /** Marks written through {@code dataSource}'s own connections, so each is committed before it is used. */
    TimeSeek(DataSource dataSource) {
        this(dataSource, BLOCK, SETTLED);
    }

    TimeSeek(DataSource dataSource, int block, int settled) {
        if (block < 1 || settled < 0) {
            throw new IllegalArgumentException("blocks of at least one position, settled at 0 or more: " + block
                    + ", " + settled);
        }
        this.dataSource = dataSource;
        this.block = block;
        this.settled = settled;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Instant dateTime) throws SQLException {
        String stamp = formatInstant(dateTime);
        markIfFree(schema);
        long after;
        try (PreparedStatement marks = connection.prepareStatement(
                "SELECT max(block_end) FROM event_time_marks WHERE latest < ?")) {
            marks.setString(1, stamp);
            try (ResultSet row = marks.executeQuery()) {
                row.next();
                after = row.getLong(1);
                after = row.wasNull() ? Long.MIN_VALUE : after;
            }
        }
        String index = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT min(" + index + ") - 1 FROM "
                + schema.domainEventTable() + " WHERE " + index + " > ? AND " + schema.timestampColumn() + " >= ?");
        statement.setLong(1, after);
        statement.setString(2, stamp);
        return statement;
    }

    /**
     * Marks what came since the last marks, unless another thread is marking now. The answer is exact with the marks
     * there are, only the walk longer; so a search neither waits for the marking at start (holding its connection of
     * the pool while it waits) nor fails when marking does.
     */
    private void markIfFree(EventSchema schema) {
        if (marking.tryLock()) {
            try {
                mark(schema);
            } catch (SQLException | RuntimeException e) {
                log.warn("Event store: the stream's time marks were not brought up to date: {}", e.toString());
            } finally {
                marking.unlock();
            }
        }
    }

    /** Marks the settled blocks after the last marked one, in a transaction of its own; answers how many. */
    int mark(EventSchema schema) throws SQLException {
        marking.lock();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            String index = schema.globalIndexColumn();
            String table = schema.domainEventTable();
            long end = 0;
            String latest;
            try (Statement statement = connection.createStatement();
                 ResultSet last = statement.executeQuery(
                         "SELECT block_end, latest FROM event_time_marks ORDER BY block_end DESC LIMIT 1")) {
                if (last.next()) {
                    end = last.getLong(1);
                    latest = last.getString(2);
                } else {
                    latest = null;
                }
            }
            if (end % block != 0) { // marked with another block size: marked again from the start
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM event_time_marks");
                }
                end = 0;
                latest = null;
            }
            long head;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT max(" + index + ") FROM " + table)) {
                row.next();
                head = row.getLong(1);
            }
            long until = end + (head - settled - end) / block * block; // the last settled block's end
            if (until <= end) {
                connection.commit();
                return 0;
            }
            // the first marks also take an event at position 0, if any (Axon's own HSQLDB table starts there, this
            // store's at 1), into the first block: the division truncates towards zero
            long from = latest == null ? Long.MIN_VALUE : end;
            latest = latest == null ? "" : latest; // "": before any time stamp
            int marks = (int) ((until - end) / block);
            String blockOf = "(" + index + " - 1) / " + block; // block k: positions k * block + 1 to (k + 1) * block
            Map<Long, String> latestOfBlock = new HashMap<>();
            try (PreparedStatement blocks = connection.prepareStatement("SELECT " + blockOf + ", max("
                    + schema.timestampColumn() + ") FROM " + table + " WHERE " + index + " > ? AND "
                    + index + " <= ? GROUP BY " + blockOf)) {
                blocks.setLong(1, from);
                blocks.setLong(2, until);
                try (ResultSet rows = blocks.executeQuery()) {
                    while (rows.next()) {
                        latestOfBlock.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO event_time_marks (block_end, latest) VALUES (?, ?)")) {
                for (; end < until; end += block) {
                    String stamp = latestOfBlock.getOrDefault(end / block, "");
                    latest = stamp.compareTo(latest) > 0 ? stamp : latest;
                    insert.setLong(1, end + block);
                    insert.setString(2, latest);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return marks;
        } finally {
            marking.unlock();
        }
    }
}
