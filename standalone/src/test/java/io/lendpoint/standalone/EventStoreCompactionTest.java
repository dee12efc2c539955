package io.lendpoint.standalone;

import io.lendpoint.api.loanbatch.AcceptBatch;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.PickItems;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.api.loanbatch.UnpickItems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the event store's file does not keep the space of deleted rows for ever. Barcode claims are inserted
 * when items are picked and deleted when they are taken off again (or the batch closes), which leaves free space
 * in HSQLDB's file. A store created now keeps each table's rows in a space of its own and reuses the space its
 * deleted rows leave; in a store created before that, the day's checkpoints leave it (reclaiming it holds every
 * write); the nightly
 * {@link EventStoreDefragmentation} reclaims it once it is 10% of the file, and
 * {@code --lendpoint.event-store.compact-on-shutdown=true} rewrites the file at a clean shutdown — without losing
 * an event.
 */
class EventStoreCompactionTest {

    @Test
    @DisplayName("compact-on-shutdown leaves a smaller file than a plain shutdown after the same work, with every event")
    void compactOnShutdown(@TempDir Path temp) throws Exception {
        Path plain = temp.resolve("plain");
        Path compacted = temp.resolve("compacted");
        long plainEvents = work(plain, false, WITHOUT_TABLE_SPACES);
        long compactedEvents = work(compacted, true, WITHOUT_TABLE_SPACES);

        assertThat(compactedEvents).isEqualTo(plainEvents);
        assertThat(storedEvents(compacted)).as("every event is still there after compaction").isEqualTo(compactedEvents);
        long plainBytes = Files.size(plain.resolve("eventstore").resolve("events.data"));
        long compactedBytes = Files.size(compacted.resolve("eventstore").resolve("events.data"));
        assertThat(compactedBytes).as("compacted file (plain: %d bytes)", plainBytes).isLessThan(plainBytes);
    }

    @Test
    @DisplayName("the projection store is compacted at a clean shutdown and its documents are all there afterwards")
    void projectionStoreCompactedOnShutdown(@TempDir Path temp) throws Exception {
        Path kept = temp.resolve("kept");
        Path compacted = temp.resolve("compacted");
        work(kept, false, "--lendpoint.projections.compact-on-shutdown=false");
        work(compacted, false);
        long keptBytes = Files.size(kept.resolve("projections").resolve("mongo.mv"));
        long compactedBytes = Files.size(compacted.resolve("projections").resolve("mongo.mv"));
        assertThat(compactedBytes).as("compacted (not compacted: %d bytes)", keptBytes).isLessThan(keptBytes);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .run("--lendpoint.data-dir=" + compacted, "--lendpoint.mongo.port=0")) {
            org.springframework.data.mongodb.core.MongoTemplate mongo =
                    app.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
            assertThat(mongo.getCollection("service_points").countDocuments()).isEqualTo(1);
            assertThat(mongo.getCollection("loan_batches").countDocuments()).isEqualTo(1);
            assertThat(mongo.getCollection("item_locations").countDocuments()).isEqualTo(2000);
        }
    }

    @Test
    @DisplayName("the nightly defragmentation reclaims the free space once it is 10% of the file, with every event, "
            + "after a restart too")
    void nightlyDefragmentation(@TempDir Path temp) throws Exception {
        // a store without table spaces, as created before them; a plain shutdown's checkpoint keeps its free space
        long events = work(temp, false, WITHOUT_TABLE_SPACES);
        try (ConfigurableApplicationContext app = start(temp, false)) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            Path file = temp.resolve("eventstore").resolve("events.data");
            long before = Files.size(file);
            long free = jdbc.execute((ConnectionCallback<LostSpace>) LostSpace::of).lostBytes();
            assertThat(free * 10).as("free bytes of %d after a plain checkpoint", before).isGreaterThan(before);

            EventStoreDefragmentation nightly = app.getBean(EventStoreDefragmentation.class);
            assertThat(nightly.defragmentIfWorthIt()).isTrue();
            assertThat(Files.size(file)).as("file after the night (before: %d bytes)", before).isLessThan(before);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isEqualTo(events);
            assertThat(nightly.defragmentIfWorthIt()).as("nothing left to reclaim the next night").isFalse();
        }
    }

    @Test
    @DisplayName("the nightly defragmentation leaves the file alone while less of it is free than the configured share")
    void nightlyDefragmentationUnderItsShare(@TempDir Path temp) throws Exception {
        try (ConfigurableApplicationContext app = start(temp, false, WITHOUT_TABLE_SPACES,
                "--lendpoint.event-store.defrag-at-free-percent=90")) {
            work(app);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            jdbc.execute("CHECKPOINT");
            Path file = temp.resolve("eventstore").resolve("events.data");
            long before = Files.size(file);
            double share = jdbc.execute((ConnectionCallback<LostSpace>) LostSpace::of).share();
            assertThat(share).as("lost share: over the default 10%, under the 90% asked").isBetween(0.10, 0.90);
            assertThat(app.getBean(EventStoreDefragmentation.class).defragmentIfWorthIt()).isFalse();
            assertThat(Files.size(file)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("a new store reuses the space of deleted rows: after the same work, under half the share of its file "
            + "is lost that is lost without table spaces, with every event")
    void tableSpaces(@TempDir Path temp) throws Exception {
        Path with = temp.resolve("with");
        Path without = temp.resolve("without");
        long events = work(with, false);
        assertThat(work(without, false, WITHOUT_TABLE_SPACES)).isEqualTo(events);

        LostSpace lostWith = lost(with);
        LostSpace lostWithout = lost(without);
        System.out.printf("lost with table spaces %s, without %s%n", lostWith, lostWithout);
        assertThat(lostWith.share()).as("share of the file lost with table spaces")
                .isLessThan(lostWithout.share() / 2);
        assertThat(storedEvents(with)).isEqualTo(events);
        assertThat(filesSpace(with)).as("table spaces kept across restarts").isNotEqualTo("0");
    }

    @Test
    @DisplayName("a store created without table spaces keeps its one free list after an upgrade")
    void olderStoreKeepsItsFreeList(@TempDir Path temp) throws Exception {
        work(temp, false, WITHOUT_TABLE_SPACES);
        assertThat(filesSpace(temp)).isEqualTo("0");
        try (ConfigurableApplicationContext app = start(temp, false)) { // table spaces asked for, too late
            assertThat(new JdbcTemplate(app.getBean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM "
                    + "DomainEventEntry", Long.class)).isPositive();
        }
        assertThat(filesSpace(temp)).isEqualTo("0");
    }

    private static final String WITHOUT_TABLE_SPACES = "--lendpoint.event-store.table-spaces=false";

    /** The lost space of a stopped store. */
    private static LostSpace lost(Path data) throws Exception {
        try (Connection connection = OfflineEventStore.open(data)) {
            return LostSpace.of(connection);
        }
    }

    private static String filesSpace(Path data) throws Exception {
        try (Connection connection = OfflineEventStore.open(data);
             ResultSet property = connection.createStatement().executeQuery("SELECT PROPERTY_VALUE FROM "
                     + "INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.files_space'")) {
            property.next();
            return property.getString(1);
        }
    }

    private static long work(Path data, boolean compact, String... more) {
        try (ConfigurableApplicationContext app = start(data, compact, more)) {
            return work(app);
        }
    }

    private static ConfigurableApplicationContext start(Path data, boolean compact, String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--lendpoint.data-dir=" + data,
                "--lendpoint.mongo.port=0", "--lendpoint.event-store.compact-on-shutdown=" + compact,
                "--lendpoint.snapshots.threshold=2")); // a 2000-item batch's snapshot replaced again and again
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new));
    }

    /**
     * Picks 2000 items and takes them off again, five times (snapshots of the batch replaced every two events), then
     * picks them once more; waits for the item locations; answers the events stored.
     */
    private static long work(ConfigurableApplicationContext app) {
        CommandGateway commands = app.getBean(CommandGateway.class);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        assertThat(jdbc.queryForObject("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES "
                + "WHERE PROPERTY_NAME = 'hsqldb.defrag_limit'", String.class))
                .as("the day's checkpoints never defragment").isEqualTo("0");
        LivePoints.activated(commands, "sp-compact");
        commands.sendAndWait(new RequestBatch("b-compact", "sp-compact", List.of(new CategoryQuantity("I", 2000)),
                LivePoints.today().plusDays(7), "图书室", null, null));
        commands.sendAndWait(new AcceptBatch("b-compact", null, null));
        List<ItemDescription> items = IntStream.rangeClosed(1, 2000)
                .mapToObj(i -> new ItemDescription("CP%05d".formatted(i), "书 " + i, null, "I247",
                        new BigDecimal("30.00"), 2015))
                .toList();
        for (int round = 0; round < 5; round++) {
            commands.sendAndWait(new PickItems("b-compact", items));
            commands.sendAndWait(new UnpickItems("b-compact", items.stream().map(ItemDescription::barcode).toList()));
        }
        commands.sendAndWait(new PickItems("b-compact", items));
        org.springframework.data.mongodb.core.MongoTemplate mongo =
                app.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
        Eventually.await(java.time.Duration.ofSeconds(60), () -> mongo.getCollection("item_locations")
                .countDocuments(new org.bson.Document("state", "PICKED")), picked -> picked == 2000);
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static long storedEvents(Path data) throws Exception {
        try (Connection connection = OfflineEventStore.open(data);
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
