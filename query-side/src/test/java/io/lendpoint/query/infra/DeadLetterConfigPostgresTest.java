package io.lendpoint.query.infra;

import io.lendpoint.platform.jdbc.LocalPostgres;
import io.lendpoint.platform.jdbc.StartingTogether;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's dead-letter table on a real PostgreSQL (distributed mode), started from the machine's own binaries
 * ({@link LocalPostgres}; skipped where there are none).
 */
class DeadLetterConfigPostgresTest {

    @Test
    @DisplayName("distributed: eight query-side instances starting at once on a new database all start, with one "
            + "dead-letter table; a later start leaves it as it is")
    void instancesStartingTogether() throws Exception {
        for (DataSource database : StartingTogether.onNewDatabases(5, 8, DeadLetterConfig::createTable)) {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadletterentry", Long.class)).isZero();
            jdbc.update("INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, "
                    + "sequenceindex, messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat) "
                    + "VALUES ('d1', 'g', 's', 0, 'DomainEventMessage', 'e1', '2026-11-28T00:00:00Z', 'P', "
                    + "'{}'::bytea, '2026-11-28T00:00:00Z')");

            DeadLetterConfig.createTable(database);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadletterentry", Long.class)).isEqualTo(1);
        }
    }
}
