package io.lendpoint.command.infra;

import io.lendpoint.platform.jdbc.LocalPostgres;
import io.lendpoint.platform.jdbc.StartingTogether;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode's command-side tables for Axon's tokens and db-scheduler's deadlines, on a real PostgreSQL started
 * from the machine's own binaries ({@link LocalPostgres}; skipped where there are none).
 */
class PostgresSchemaConfigTest {

    @Test
    @DisplayName("distributed: eight command-side instances starting at once on a new database all start, with one "
            + "token table and one deadline table")
    void instancesStartingTogether() throws Exception {
        for (DataSource database : StartingTogether.onNewDatabases(5, 8,
                database -> PostgresSchemaConfig.createTables(database, new TokenSchema()))) {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tokenentry", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'scheduled_tasks'",
                    Long.class)).isEqualTo(4); // its primary key and db-scheduler's three indexes
        }
    }
}
