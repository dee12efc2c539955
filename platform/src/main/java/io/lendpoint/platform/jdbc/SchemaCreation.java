package io.lendpoint.platform.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The one way a component creates its tables at start-up: its idempotent DDL ({@code CREATE TABLE IF NOT EXISTS},
 * {@code CREATE INDEX IF NOT EXISTS}) in one transaction. On PostgreSQL (distributed mode) that transaction first
 * takes a transaction-scoped advisory lock, {@link #LOCK}, the same for every component, so instances starting
 * together create each table once: two concurrent {@code CREATE TABLE IF NOT EXISTS} of one table can fail on
 * PostgreSQL's catalog (a unique violation on {@code pg_type}), which would stop the later instance's start.
 * On other databases (standalone's HSQLDB, one process) the statements just run.
 */
public final class SchemaCreation {

    /** Any constant; serialises the schema creation of instances that start together. */
    public static final long LOCK = 0x4c454e44_504f494eL; // "LENDPOIN"

    /** Work on the connection of the locked transaction. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    private SchemaCreation() {
    }

    /** Runs {@code statements} in order, in one transaction, under {@link #LOCK} on PostgreSQL. */
    public static void run(DataSource dataSource, List<String> statements) {
        run(dataSource, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : statements) {
                    statement.execute(ddl);
                }
            }
        });
    }

    /** Runs {@code work} in one transaction, under {@link #LOCK} on PostgreSQL. */
    public static void run(DataSource dataSource, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (isPostgres(connection)) {
                    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        lock.setLong(1, LOCK);
                        lock.execute();
                    }
                }
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create tables: " + e.getMessage(), e);
        }
    }

    /** Whether {@code connection} is to PostgreSQL. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
