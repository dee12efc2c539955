package io.lendpoint.command.audit;

import io.lendpoint.platform.jdbc.LocalPostgres;
import io.lendpoint.platform.jdbc.StartingTogether;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test of {@link RequestedBatchesTest} again on a real PostgreSQL (distributed mode's command-side database),
 * started from the machine's own binaries ({@link LocalPostgres}; skipped where there are none), and start-ups racing
 * on a new database.
 */
class RequestedBatchesPostgresTest extends RequestedBatchesTest {

    @Override
    DataSource database() {
        return LocalPostgres.server().newDatabase();
    }

    @Override
    void close(JdbcTemplate database) {
        // the server is shared by the test JVM; each test has a database of its own
    }

    @Test
    @DisplayName("issue 7, distributed: eight command-side instances starting at once on a new database all start, and "
            + "the index works")
    void instancesStartingTogether() throws Exception {
        EmbeddedEventStore none = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            for (DataSource database : StartingTogether.onNewDatabases(5, 8, database -> new RequestedBatches(none,
                    database, JacksonSerializer.defaultSerializer(), Duration.ofMinutes(5)).afterPropertiesSet())) {
                RequestedBatches index = new RequestedBatches(none, database, JacksonSerializer.defaultSerializer(),
                        Duration.ofMinutes(5));
                assertThat(index.of("point-1", Instant.now())).isEmpty();
            }
        } finally {
            none.shutDown();
        }
    }
}
