package io.lendpoint.platform.personaldata;

import io.lendpoint.platform.jdbc.LocalPostgres;
import io.lendpoint.platform.jdbc.StartingTogether;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test of {@link JdbcPersonalDataVaultTest} again on a real PostgreSQL (distributed mode's key store), started
 * from the machine's own binaries ({@link LocalPostgres}; skipped where there are none), and start-ups racing on a
 * new database.
 */
class JdbcPersonalDataVaultPostgresTest extends JdbcPersonalDataVaultTest {

    @Override
    DataSource database() {
        return LocalPostgres.server().newDatabase();
    }

    @Override
    void keysSurviveRestart(Path directory) {
        // an HSQLDB file (standalone); PostgreSQL keeps its data in its server
    }

    @Test
    @DisplayName("A.6 distributed: eight instances starting at once on a new database all start, with one key table")
    void instancesStartingTogether() throws Exception {
        for (DataSource database : StartingTogether.onNewDatabases(5, 8, JdbcPersonalDataVault::new)) {
            JdbcPersonalDataVault vault = new JdbcPersonalDataVault(database);
            assertThat(vault.reveal(vault.protect("holder-1", "13800138000"))).contains("13800138000");
        }
    }
}
