package io.lendpoint.standalone;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.lendpoint.standalone.EventTables.scansOfEventTable;
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
        dataSource = EventTables.fileStore(directory);
        axons().createSchema(new HsqlVarbinaryEventTableFactory());
        for (String ddl : TimeSeek.SCHEMA) {
            EventTables.execute(dataSource, ddl);
        }
        append(POINTS);
        // positions rolled back by their transactions: gaps that are never filled, two whole blocks among them
        EventTables.execute(dataSource, "DELETE FROM DomainEventEntry WHERE MOD(globalIndex, 11) = 5");
        EventTables.execute(dataSource, "DELETE FROM DomainEventEntry WHERE globalIndex BETWEEN "
                + (2 * BLOCK + 1) + " AND " + 4 * BLOCK);
        prepared.clear();
    }

    @AfterEach
    void shutdown() throws SQLException {
        EventTables.execute(dataSource, "SHUTDOWN");
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

        // the engine as configured: its blocks are not the marks' (they are dropped), and none has settled here
        JdbcEventStorageEngine embedded = EmbeddedEventStoreConfig.embeddedEngine(builder(), new TimeSeek(dataSource));
        assertThat(samePositionsFor(embedded, axons)).isGreaterThan(200);
        assertThat(marks()).as("marks of another block size, dropped").isZero();
    }

    @Test
    @DisplayName("issue 8: a search does not wait for marking under way, nor fail when marking fails")
    void searchWithoutMarking() throws Exception {
        TimeSeek stalled = new TimeSeek(stalling(dataSource), BLOCK, SETTLED);
        Thread marking = new Thread(() -> {
            try {
                stalled.mark(EventSchema.builder().build());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        marking.start();
        try {
            assertThat(connectionAsked.await(10, TimeUnit.SECONDS)).isTrue();
            Instant late = stamps.get(stamps.size() - 40);
            JdbcEventStorageEngine engine = EmbeddedEventStoreConfig.embeddedEngine(builder(), stalled);
            assertThat(CompletableFuture.supplyAsync(() -> engine.createTokenAt(late)).get(10, TimeUnit.SECONDS))
                    .as("answered while the marking waits for its connection").isEqualTo(axons().createTokenAt(late));
        } finally {
            release.countDown();
            marking.join();
        }
        assertThat(marks()).as("the stalled marking, done").isEqualTo((head() - SETTLED) / BLOCK);

        DataSource failing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("no connection");
                });
        appendLive(500);
        Instant last = stamps.get(stamps.size() - 1);
        assertThat(EmbeddedEventStoreConfig.embeddedEngine(builder(), new TimeSeek(failing, BLOCK, SETTLED))
                .createTokenAt(last)).as("answered though marking failed").isEqualTo(axons().createTokenAt(last));
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
        assertThat(lastMark).as("marks written by the searches").isPositive();
        EventTables.execute(dataSource, "UPDATE event_time_marks SET latest = ''");
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
        EventTables.execute(dataSource, "DELETE FROM DomainEventEntry");
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

    private final CountDownLatch connectionAsked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** {@code dataSource}, its connections handed out only once {@link #release} is counted down. */
    private DataSource stalling(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connectionAsked.countDown();
                        release.await();
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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

    private long query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The embedded engine with small blocks, settled close to the head, so this small store is marked. */
    private JdbcEventStorageEngine seeking() {
        return EmbeddedEventStoreConfig.embeddedEngine(builder(),
                new TimeSeek(EventTables.recordingDataSource(dataSource, prepared), BLOCK, SETTLED));
    }

    /** Axon's engine with its own statements. */
    private JdbcEventStorageEngine axons() {
        return builder().dataType(byte[].class).build();
    }

    private JdbcEventStorageEngine.Builder builder() {
        return EventTables.engineBuilder(EventTables.recording(dataSource, prepared));
    }
}
