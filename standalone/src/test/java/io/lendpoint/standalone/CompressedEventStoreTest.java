package io.lendpoint.standalone;

import io.lendpoint.api.loanbatch.AcceptBatch;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.PickItems;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.api.loanbatch.UnpickItems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: the embedded event store keeps a large event and a large snapshot compressed, and the aggregate, a
 * restarted application and a rebuilt projection read them as the events they were.
 */
class CompressedEventStoreTest {

    private static final String POINT = "sp-gzip";
    private static final String BATCH = "b-gzip";

    @Test
    @DisplayName("a 300-item picking is stored compressed; after a restart the batch and a rebuilt projection read it")
    void largeEventsAndSnapshotsCompressed(@TempDir Path data) {
        List<ItemDescription> items = IntStream.rangeClosed(1, 300)
                .mapToObj(i -> new ItemDescription("GZ%05d".formatted(i), "书 " + i, null, "I247",
                        new BigDecimal("30.00"), 2015))
                .toList();
        try (ConfigurableApplicationContext app = start(data)) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            LivePoints.activated(commands, POINT);
            commands.sendAndWait(new RequestBatch(BATCH, POINT, List.of(new CategoryQuantity("I", 300)),
                    LivePoints.today().plusDays(7), "图书室", null, null));
            commands.sendAndWait(new AcceptBatch(BATCH, null, null));
            commands.sendAndWait(new PickItems(BATCH, items));
            Snapshots.await(app, "LoanBatch", BATCH, 2);

            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            byte[] picked = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                    + "AND payloadType LIKE '%ItemsPicked'", byte[].class, BATCH);
            assertThat(PayloadCompression.isCompressed(picked)).as("the picking is stored compressed").isTrue();
            String text = new String(PayloadCompression.expand(picked), StandardCharsets.UTF_8);
            assertThat(text).startsWith("{").contains("\"GZ00001\"", "\"GZ00300\"");
            assertThat(picked.length).isLessThan(text.length() / 3);
            byte[] request = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                    + "AND payloadType LIKE '%BatchRequested'", byte[].class, BATCH);
            assertThat(PayloadCompression.isCompressed(request)).as("a small event is stored as it is").isFalse();
            byte[] snapshot = jdbc.queryForObject("SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                    byte[].class, BATCH);
            assertThat(PayloadCompression.isCompressed(snapshot)).as("the batch's snapshot is stored compressed").isTrue();
            assertSnapshotReads(app);
            awaitPicked(app, 300);
        }

        try (ConfigurableApplicationContext app = start(data, "--lendpoint.replay=item-locations")) {
            awaitPicked(app, 300); // rebuilt from the stored events
            CommandGateway commands = app.getBean(CommandGateway.class);
            assertSnapshotReads(app);
            // the batch is loaded from its compressed snapshot and events: it knows what was picked
            commands.sendAndWait(new UnpickItems(BATCH, List.of("GZ00007")));
            awaitPicked(app, 299);
        }
    }

    /** Axon falls back to the whole event stream when a snapshot does not read: read it as the repository does. */
    private static void assertSnapshotReads(ConfigurableApplicationContext app) {
        assertThat(app.getBean(EventStorageEngine.class).readSnapshot(BATCH))
                .hasValueSatisfying(read -> assertThat(read.getPayload().getClass().getSimpleName())
                        .isEqualTo("LoanBatch"));
    }

    private static void awaitPicked(ConfigurableApplicationContext app, int picked) {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Eventually.await(Duration.ofSeconds(60), () -> mongo.getCollection("item_locations")
                .countDocuments(new Document("state", "PICKED")), n -> n == picked);
    }

    private static ConfigurableApplicationContext start(Path data, String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--lendpoint.data-dir=" + data,
                "--lendpoint.mongo.port=0"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(StandaloneApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
