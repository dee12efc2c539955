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
 * in HSQLDB's file; a checkpoint reclaims it once it is 30% of the file, and
 * {@code --lendpoint.event-store.compact-on-shutdown=true} rewrites the file at a clean shutdown — without losing
 * an event.
 */
class EventStoreCompactionTest {

    @Test
    @DisplayName("compact-on-shutdown leaves a smaller file than a plain shutdown after the same work, with every event")
    void compactOnShutdown(@TempDir Path temp) throws Exception {
        Path plain = temp.resolve("plain");
        Path compacted = temp.resolve("compacted");
        long plainEvents = work(plain, false);
        long compactedEvents = work(compacted, true);

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

    /**
     * Picks 2000 items and takes them off again, five times (snapshots of the batch replaced every two events), then picks them once more; waits for the item
     * locations; answers the events stored.
     */
    private static long work(Path data, boolean compact, String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--lendpoint.data-dir=" + data,
                "--lendpoint.mongo.port=0", "--lendpoint.event-store.compact-on-shutdown=" + compact,
                "--lendpoint.snapshots.threshold=2")); // a 2000-item batch's snapshot replaced again and again
        arguments.addAll(List.of(more));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new))) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES "
                    + "WHERE PROPERTY_NAME = 'hsqldb.defrag_limit'", String.class))
                    .as("free space is reclaimed at a checkpoint once it is 30% of the file").isEqualTo("30");
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
    }

    private static long storedEvents(Path data) throws Exception {
        try (Connection connection = OfflineEventStore.open(data);
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
