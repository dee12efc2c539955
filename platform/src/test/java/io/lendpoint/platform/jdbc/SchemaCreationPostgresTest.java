package io.lendpoint.platform.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link SchemaCreation} on a real PostgreSQL ({@link LocalPostgres}; skipped where there is none), for a database
 * user without the right to create tables, as an operator may run an application: PostgreSQL refuses
 * {@code CREATE TABLE IF NOT EXISTS} to such a user even when the table is there.
 */
class SchemaCreationPostgresTest {

    private static final List<String> DDL = List.of("CREATE TABLE IF NOT EXISTS component_table (id INT PRIMARY KEY)");

    @Test
    @DisplayName("distributed: a user who may not create tables starts when they are there, and not when they are not")
    void userWithoutCreateRight() throws SQLException {
        DataSource owner = LocalPostgres.server().newDatabase();
        String reader = "reader_" + System.nanoTime();
        execute(owner, "CREATE ROLE " + reader + " LOGIN");
        execute(owner, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        PGSimpleDataSource asReader = new PGSimpleDataSource();
        asReader.setUrl(((PGSimpleDataSource) owner).getUrl());
        asReader.setUser(reader);

        assertThatIllegalStateException().isThrownBy(() ->
                SchemaCreation.run(asReader, List.of("component_table"), DDL))
                .withMessageContaining("component_table");

        SchemaCreation.run(owner, List.of("component_table"), DDL);

        assertThatNoException().isThrownBy(() -> SchemaCreation.run(asReader, List.of("component_table"), DDL));
    }

    @Test
    @DisplayName("distributed: an instance waits for the schema lock a limited time, and creates its tables once it is free")
    void lockWaitIsLimited() throws SQLException {
        DataSource database = LocalPostgres.server().newDatabase();
        SchemaCreation.Work ddl = connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(DDL.get(0));
            }
        };
        try (Connection holder = database.getConnection()) { // an instance stuck while holding the lock
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + SchemaCreation.LOCK + ")");
            }
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatIllegalStateException().isThrownBy(() ->
                            SchemaCreation.run(database, List.of("component_table"), ddl, Duration.ofMillis(300)))
                    .withMessageContaining("schema lock"));
            holder.rollback();
        }
        SchemaCreation.run(database, List.of("component_table"), ddl, Duration.ofMillis(300));
        try (Connection connection = database.getConnection()) {
            assertThat(SchemaCreation.present(connection, List.of("component_table"))).isTrue();
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
