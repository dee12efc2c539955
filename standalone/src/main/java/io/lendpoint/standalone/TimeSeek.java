package io.lendpoint.standalone;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.CreateTokenAtStatementBuilder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * when it commits, a history loaded in bulk (the demo and benchmark cities are generated point by point) is stored
 * far out of time order, and an instant's first event must be found in any of them.
 *
 * <p>So the store keeps, for every {@link #BLOCK} positions, the latest time stamp of all events up to the block's
 * end ({@code event_time_marks}): a running maximum, which grows with the position whatever order the events came
 * in. The first event stamped at or after an instant lies in the first block whose mark reaches the instant, after
 * the end of the block before it: Axon's condition is asked from there, a walk of at most one block (or of the
 * unmarked end of the stream). Marks are added when an instant is asked for, for the blocks that have settled: those
 * that end {@link #SETTLED} positions or more behind the head, where Axon's own processors stop waiting for an append
 * still committing ({@code maxGapOffset}). The first question on a large store marks the whole stream once (about as
 * long as Axon's walk); each later one marks what was appended since. The answers are Axon's ({@code TimeSeekTest}).
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

    private final DataSource dataSource;
    private final int block;
    private final int settled;

    /** Marks written through {@code dataSource}'s own connections, so each is committed before it is used. */
    TimeSeek(DataSource dataSource) {
        this(dataSource, BLOCK, SETTLED);
    }

    TimeSeek(DataSource dataSource, int block, int settled) {
        this.dataSource = dataSource;
        this.block = block;
        this.settled = settled;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Instant dateTime) throws SQLException {
        String stamp = formatInstant(dateTime);
        mark(schema);
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

    /** Marks the settled blocks after the last marked one, in a transaction of its own; answers how many. */
    synchronized int mark(EventSchema schema) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long end = 0;         // the stream's positions start at 1
            String latest = "";   // before any time stamp
            try (ResultSet last = connection.createStatement().executeQuery(
                    "SELECT block_end, latest FROM event_time_marks ORDER BY block_end DESC LIMIT 1")) {
                if (last.next()) {
                    end = last.getLong(1);
                    latest = last.getString(2);
                }
            }
            String index = schema.globalIndexColumn();
            long head;
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT max(" + index + ") FROM " + schema.domainEventTable())) {
                row.next();
                head = row.getLong(1);
            }
            long until = end + (head - settled - end) / block * block; // the last settled block's end
            if (until <= end) {
                return 0;
            }
            int marks = (int) ((until - end) / block);
            String blockOf = "(" + index + " - 1) / " + block; // block k holds positions k * block + 1 to (k + 1) * block
            Map<Long, String> latestOfBlock = new HashMap<>();
            try (PreparedStatement blocks = connection.prepareStatement("SELECT " + blockOf + ", max("
                    + schema.timestampColumn() + ") FROM " + schema.domainEventTable() + " WHERE " + index + " > ? AND "
                    + index + " <= ? GROUP BY " + blockOf)) {
                blocks.setLong(1, end);
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
        }
    }
}
