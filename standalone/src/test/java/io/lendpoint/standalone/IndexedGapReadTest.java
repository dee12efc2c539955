package io.lendpoint.standalone;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static io.lendpoint.standalone.EventTables.scansOfEventTable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the embedded event store reads the events after a token with gaps through the event table's index
 * ({@link IndexedGapRead}); Axon's own statement made HSQLDB scan the whole table for every such read. The events it
 * reads, and the tokens Axon makes of them, are those Axon's statement reads.
 */
class IndexedGapReadTest {

    private static final int EVENTS = 300;

    @TempDir
    Path directory;

    private JDBCDataSource dataSource;
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final List<Long> positions = new ArrayList<>();
    private final Map<Long, String> identifiers = new HashMap<>();

    @BeforeEach
    void store() throws SQLException {
        dataSource = EventTables.fileStore(directory);
        JdbcEventStorageEngine engine = embedded();
        engine.createSchema(new HsqlVarbinaryEventTableFactory());
        engine.appendEvents(IntStream.range(0, EVENTS)
                .mapToObj(i -> new GenericDomainEventMessage<>("Batch", "b-" + i % 10, i / 10, "event " + i))
                .toList());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // positions rolled back by their transactions: gaps that are never filled
            statement.executeUpdate("DELETE FROM DomainEventEntry WHERE MOD(globalIndex, 7) = 3");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT globalIndex, eventIdentifier FROM DomainEventEntry ORDER BY 1")) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                    identifiers.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        prepared.clear();
    }

    @AfterEach
    void shutdown() throws SQLException {
        EventTables.execute(dataSource, "SHUTDOWN");
    }

    @Test
    @DisplayName("issue 8: past a token's gaps the event table is read through its index, not scanned whole")
    void gapsReadByIndex() throws SQLException {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(positions.get(150),
                new TreeSet<>(List.of(positions.get(140), positions.get(140) + 1, positions.get(145))));

        List<String> read = read(embedded(), token).stream().map(line -> line.split(" ")[0]).toList();
        List<String> gapReads = gapReads();
        List<String> expected = positions.stream()
                .filter(p -> p > positions.get(150) || token.getGaps().contains(p)).map(identifiers::get).toList();
        assertThat(read).as("the events at the gaps that are there, and those after the token").isEqualTo(expected)
                .contains(identifiers.get(positions.get(140)), identifiers.get(positions.get(145)));
        assertThat(gapReads).as("the engine read past the gaps").isNotEmpty();
        for (String sql : gapReads) {
            assertThat(scansOfEventTable(dataSource, sql)).as("reads of the event table from its first row by %s", sql)
                    .isZero();
        }

        prepared.clear();
        read(axons(), token);
        assertThat(gapReads()).as("Axon's statement, on this HSQLDB: why IndexedGapRead exists")
                .isNotEmpty()
                .allSatisfy(sql -> assertThat(scansOfEventTable(dataSource, sql)).isPositive());
        assertThat(scansOfEventTable(dataSource,
                "SELECT * FROM DomainEventEntry WHERE globalIndex IN (?, ?) AND globalIndex <= ?"))
                .as("a bound beside the gaps: HSQLDB reads the index from its start to the bound").isPositive();
    }

    @Test
    @DisplayName("issue 8: past any token's gaps the events read, and their tokens, are those Axon's statement reads")
    void sameEventsAndTokens() throws SQLException {
        Random random = new Random(8);
        JdbcEventStorageEngine embedded = embedded();
        JdbcEventStorageEngine axons = axons();
        long last = positions.get(positions.size() - 1);
        long embeddedGapReads = 0;
        for (int trial = 0; trial < 60; trial++) {
            long index = positions.get(0) + 1 + random.nextInt((int) (last - positions.get(0)) - 1); // below the head
            TreeSet<Long> gaps = new TreeSet<>();
            int count = (int) Math.min(1 + random.nextInt(12), index - positions.get(0)); // as many as there are
            while (gaps.size() < count) { // gaps below the position, some filled since, some for good
                gaps.add(Math.max(positions.get(0), index - 1 - random.nextInt(20)));
            }
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(index, gaps);

            List<String> expected = read(axons, token);
            prepared.clear();
            assertThat(read(embedded, token)).as("trial %d, token %s", trial, token).isEqualTo(expected);
            embeddedGapReads += gapReads().stream().filter(sql -> sql.contains(" UNION ALL ")).count();
            assertThat(expected).as("trial %d reads to the head", trial)
                    .last().asString().startsWith(identifiers.get(last) + " ");
        }
        assertThat(embeddedGapReads).as("the embedded engine's reads past gaps in the trials").isPositive();
    }

    /** Every event read after {@code token} (without waiting for more): its identifier and the token it carries. */
    private static List<String> read(JdbcEventStorageEngine engine, GapAwareTrackingToken token) {
        return engine.readEvents(token, false).map(event -> event.getIdentifier() + " " + event.trackingToken())
                .toList();
    }

    /** The statements prepared to read past a token's gaps (the only reads of events that list positions). */
    private List<String> gapReads() {
        return prepared.stream().filter(sql -> sql.startsWith("SELECT") && sql.contains(" IN (")).toList();
    }

    /** The engine as the embedded store configures it. */
    private JdbcEventStorageEngine embedded() {
        return EmbeddedEventStoreConfig.embeddedEngine(builder(), new TimeSeek(dataSource));
    }

    /** Axon's engine with its own statements. */
    private JdbcEventStorageEngine axons() {
        return builder().dataType(byte[].class).build();
    }

    private JdbcEventStorageEngine.Builder builder() {
        return EventTables.engineBuilder(EventTables.recording(dataSource, prepared))
                .gapTimeout(Integer.MAX_VALUE) // gaps kept however long the test takes (Axon's: events under 1 min)
                .batchSize(50);
    }
}
