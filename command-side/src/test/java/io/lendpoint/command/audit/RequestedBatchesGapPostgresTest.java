package io.lendpoint.command.audit;

import io.lendpoint.platform.jdbc.LocalPostgres;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * {@link RequestedBatchesGapTest} on a real PostgreSQL, distributed mode's command-side database when the event
 * store is JDBC ({@link LocalPostgres}; skipped where there is none).
 */
class RequestedBatchesGapPostgresTest extends RequestedBatchesGapTest {

    @Override
    DataSource database() {
        return LocalPostgres.server().newDatabase();
    }

    @Override
    EventTableFactory eventTable() {
        return PostgresEventTableFactory.INSTANCE;
    }

    @Override
    void close(JdbcTemplate database) {
        // the server is shared by the test JVM; each test has a database of its own
    }
}
