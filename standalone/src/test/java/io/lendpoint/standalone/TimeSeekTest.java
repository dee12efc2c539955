package io.lendpoint.standalone;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.lendpoint.standalone.EventTablePlans.scansOfEventTable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the embedded event store finds the position of an instant (the audit search from a date) through marks of
 * the latest time stamp per block of positions ({@link TimeSeek}), where Axon's statement walked the event table from
 * its first row. The positions are those Axon's statement finds, in a stream stored far out of time order as the
 * generated cities are (point by point, each through the year), with gaps.
 */
class TimeSeekTest {

    private static final int POINTS = 6;
    private static final int EVENTS_PER_POINT = 500;
    private static final int BLOCK = 64;
    private static final int SETTLED = 100;
    private static final Instant START = Instant.parse("2026-01-05T08:00:00.250Z");

    @TempDir
    Path directory;

    private JDBCDataSource dataSource;
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final List<Instant> stamps = new ArrayList<>();
    private final Random random = new Random(8);

    @BeforeEach
    void store() throws SQLException {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:file:" + directory.resolve("events")
                + ";hsqldb.tx=mvcc;hsqldb.default_table_type=cached;hsqldb.lock_file=false");
        dataSource.setUser("SA");
        dataSource.setPassword("");
        axons().createSchema(new HsqlVarbinaryEventTableFactory());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : TimeSeek.SCHEMA) {
                statement.execute(ddl);
            }
        }
        append(POINTS);
        update("DELETE FROM DomainEventEntry WHERE MOD(globalIndex, 11) = 5"); // rolled-back positions: gaps for good
        prepared.clear();
    }

    @AfterEach
    void shutdown() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    @DisplayName("issue 8: an instant's position is the one Axon's statement finds, in a stream far out of time order")
    void samePositions() throws SQLException {
        JdbcEventStorageEngine seeking = seeking();
        JdbcEventStorageEngine axons = axons();
        assertThat(samePositionsFor(seeking, axons)).as("instants whose position is inside the history")
                .isGreaterThan(200);
        assertThat(marks()).as("a mark for each settled block").isEqualTo((head() - SETTLED) / BLOCK);

        append(2); // more of the year, out of order with the rest; the marks follow
        assertThat(samePositionsFor(seeking, axons)).isGreaterThan(200);
        assertThat(marks()).isEqualTo((head() - SETTLED) / BLOCK);

        appendLive(1000); // then live operation, in time order: each event the latest yet, at every block's end too
        assertThat(samePositionsFor(seeking, axons)).isGreaterThan(200);
        assertThat(marks()).isEqualTo((head() - SETTLED) / BLOCK);

        JdbcEventStorageEngine embedded = EmbeddedEventStoreConfig.embeddedEngine(builder(), new TimeSeek(dataSource));
        assertThat(samePositionsFor(embedded, axons)).as("the engine as configured: its blocks, none settled here")
                .isGreaterThan(200);
    }

    @Test
    @DisplayName("issue 8: an instant's position is found through the marks and the index, not by walking the events")
    void foundByIndex() throws SQLException {
        Instant late = stamps.get(stamps.size() - 40);
        TrackingToken expected = axons().createTokenAt(late);
        prepared.clear();
        JdbcEventStorageEngine seeking = seeking();
        assertThat(seeking.createTokenAt(late)).isEqualTo(expected);
        assertThat(seeking.createTokenAt(late)).as("asked again, the marks written").isEqualTo(expected);
        List<String> reads = prepared.stream()
                .filter(sql -> sql.startsWith("SELECT") && sql.contains("DomainEventEntry")).distinct().toList();
        assertThat(reads).as("the statements prepared on the event table: the marking walk, the answer").hasSize(2);
        for (String sql : reads) {
            assertThat(scansOfEventTable(dataSource, sql)).as("reads of the event table from its first row by %s", sql)
                    .isZero();
        }

        // the walk starts where the marks say: marks that claim nothing was stamped so late skip every marked block
        long lastMark = query("SELECT max(block_end) FROM event_time_marks");
        update("UPDATE event_time_marks SET latest = ''");
        assertThat(seeking.createTokenAt(START).position().orElseThrow()).isGreaterThanOrEqualTo(lastMark);
        assertThat(axons().createTokenAt(START).position().orElseThrow()).isLessThan(BLOCK);

        prepared.clear();
        axons().createTokenAt(late);
        assertThat(prepared).as("Axon's statement, on this HSQLDB: why TimeSeek exists").singleElement()
                .satisfies(sql -> assertThat(scansOfEventTable(dataSource, sql)).isPositive());
    }

    @Test
    @DisplayName("issue 8: after a start the marks are brought up to date in the background, with no search")
    void markedAtStart() throws SQLException {
        assertThat(marks()).isZero();
        new TimeMarksAtStart(new TimeSeek(dataSource, BLOCK, SETTLED)).ready();
        long expected = (head() - SETTLED) / BLOCK;
        assertThat(Eventually.await(Duration.ofSeconds(30), () -> {
            try {
                return marks();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, marks -> marks == expected)).as("marks written by the start's thread").isEqualTo(expected);
        assertThat(seeking().createTokenAt(START)).isEqualTo(axons().createTokenAt(START));
    }

    @Test
    @DisplayName("issue 8: an empty store has no position for an instant, as with Axon's statement")
    void emptyStore() throws SQLException {
        update("DELETE FROM DomainEventEntry");
        assertThat(seeking().createTokenAt(START)).isNull();
        assertThat(axons().createTokenAt(START)).isNull();
        assertThat(marks()).isZero();
    }

    /**
     * Compares the positions of instants before, inside and after the history, the newest events' own instants and
     * random events' among them; answers how many lay inside it.
     */
    private int samePositionsFor(JdbcEventStorageEngine engine, JdbcEventStorageEngine axons) {
        Instant last = stamps.stream().max(Instant::compareTo).orElseThrow();
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, START.minusSeconds(1), START, last,
                last.plusMillis(1), Instant.parse("2999-01-01T00:00:00Z")));
        instants.addAll(stamps.subList(stamps.size() - 300, stamps.size())); // the newest events' own, every one
        for (int trial = 0; trial < 150; trial++) {
            Instant stamp = stamps.get(random.nextInt(stamps.size()));
            instants.add(stamp); // an event's own instant: that event, or an earlier one stamped as late
            instants.add(stamp.plusSeconds(random.nextInt(4 * 86_400) - 2 * 86_400)); // and around it
        }
        TrackingToken head = axons.createHeadToken();
        int inside = 0;
        for (Instant instant : instants) {
            TrackingToken expected = axons.createTokenAt(instant);
            assertThat(engine.createTokenAt(instant)).as("the position of %s", instant).isEqualTo(expected);
            inside += expected.equals(head) ? 0 : 1;
        }
        return inside;
    }

    /** Appends {@code points} points' years, one after the other, as the generated cities are stored. */
    private void append(int points) {
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        for (int point = 0; point < points; point++) {
            String id = "p-" + stamps.size();
            for (int i = 0; i < EVENTS_PER_POINT; i++) {
                // about one a day's worth apart, now and then several on the same instant, now and then a few
                // minutes late (a slow unit of work)
                Instant stamp = START.plus(Duration.ofMinutes(i / 2 * 2L * 1000))
                        .minusSeconds(random.nextInt(10) == 0 ? random.nextInt(600) : 0);
                stamps.add(stamp);
                events.add(new GenericDomainEventMessage<>("ServicePoint", id, i, "event " + i, Map.of(),
                        IdentifierFactory.getInstance().generateIdentifier(), stamp));
            }
        }
        axons().appendEvents(events);
    }

    /** Appends {@code count} events a minute apart, after every event so far, as live operation stores them. */
    private void appendLive(int count) {
        Instant last = stamps.stream().max(Instant::compareTo).orElseThrow();
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant stamp = last.plus(Duration.ofMinutes(i + 1));
            stamps.add(stamp);
            events.add(new GenericDomainEventMessage<>("ServicePoint", "live-" + i % 7, i / 7, "event " + i,
                    Map.of(), IdentifierFactory.getInstance().generateIdentifier(), stamp));
        }
        axons().appendEvents(events);
    }

    private long head() throws SQLException {
        return query("SELECT max(globalIndex) FROM DomainEventEntry");
    }

    private long marks() throws SQLException {
        return query("SELECT count(*) FROM event_time_marks");
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The embedded engine with small blocks, settled close to the head, so this small store is marked. */
    private JdbcEventStorageEngine seeking() {
        return EmbeddedEventStoreConfig.embeddedEngine(builder(),
                new TimeSeek(EventTablePlans.recordingDataSource(dataSource, prepared), BLOCK, SETTLED));
    }

    /** Axon's engine with its own statements. */
    private JdbcEventStorageEngine axons() {
        return builder().dataType(byte[].class).build();
    }

    private JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(EventTablePlans.recording(dataSource, prepared))
                .transactionManager(NoTransactionManager.INSTANCE);
    }
}
