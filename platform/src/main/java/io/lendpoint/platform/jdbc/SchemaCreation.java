package io.lendpoint.platform.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The one way a component creates its tables at start-up: its idempotent DDL ({@code CREATE TABLE IF NOT EXISTS},
 * {@code CREATE INDEX IF NOT EXISTS}) in one transaction. On PostgreSQL (distributed mode) that transaction first
 * takes a transaction-scoped advisory lock, {@link #LOCK}, the same for every component, so instances starting
 * together create each table once: two concurrent {@code CREATE TABLE IF NOT EXISTS} of one table can fail on
 * PostgreSQL's catalog (a unique violation on {@code pg_type}), which would stop the later instance's start.
 * On other databases (standalone's HSQLDB, one process) the statements just run (HSQLDB commits each DDL statement
 * by itself). An instance waits for the lock, and for the catalog's locks its DDL needs, at most {@link #LOCK_WAIT}
 * (PostgreSQL's {@code lock_timeout}, for this transaction only): one that hangs while holding it stops the others'
 * start with a message saying so, instead of holding it up for good.
 */
public final class SchemaCreation {

    /** Any constant; serialises the schema creation of instances that start together. */
    public static final long LOCK = 0x4c454e44_504f494eL; // "LENDPOIN"

    /** How long an instance waits for {@link #LOCK} and its DDL's locks; all components' DDL takes milliseconds. */
    public static final Duration LOCK_WAIT = Duration.ofMinutes(2);

    /** PostgreSQL's SQL state for a right the user lacks, e.g. to create tables in the schema. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** PostgreSQL's SQL state for a lock not obtained within {@code lock_timeout}. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Work on the connection of the locked transaction. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    private SchemaCreation() {
    }

    /**
     * Runs {@code statements} in order, in one transaction, under {@link #LOCK} on PostgreSQL, for a component whose
     * tables are {@code tables}.
     */
    public static void run(DataSource dataSource, List<String> tables, List<String> statements) {
        run(dataSource, tables, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : statements) {
                    statement.execute(ddl);
                }
            }
        });
    }

    /**
     * Runs {@code work} in one transaction, under {@link #LOCK} on PostgreSQL, for a component whose tables are
     * {@code tables}. A database user that may not create tables (PostgreSQL checks that right before it honours
     * {@code IF NOT EXISTS}: SQL state {@value #INSUFFICIENT_PRIVILEGE}) starts all the same when the tables are
     * there already.
     */
    public static void run(DataSource dataSource, List<String> tables, Work work) {
        run(dataSource, tables, work, LOCK_WAIT);
    }

    /** {@link #run(DataSource, List, Work)}, waiting at most {@code lockWait} for locks on PostgreSQL. */
    static void run(DataSource dataSource, List<String> tables, Work work, Duration lockWait) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (isPostgres(connection)) {
                    try (Statement limit = connection.createStatement()) { // SET takes no parameters
                        limit.execute("SET LOCAL lock_timeout = " + Math.max(1, lockWait.toMillis()));
                    }
                    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        lock.setLong(1, LOCK);
                        lock.execute();
                    }
                }
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                if (e instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())
                        && present(connection, tables)) {
                    return;
                }
                if (e instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                    throw new SQLException("waited " + lockWait + " for the schema lock or a lock its DDL needs "
                            + "(another instance creating its tables, a session holding advisory lock " + LOCK
                            + ", or a long transaction on one of " + tables + "): " + sql.getMessage(),
                            sql.getSQLState(), sql);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create tables " + tables + ": " + e.getMessage(), e);
        }
    }

    /** Whether every one of {@code tables} is there, its name in any case (PostgreSQL folds to lower, HSQLDB upper). */
    public static boolean present(Connection connection, List<String> tables) throws SQLException {
        for (String table : tables) {
            boolean present = false;
            for (String name : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
                try (ResultSet found = connection.getMetaData().getTables(null, null, name, new String[]{"TABLE"})) {
                    present |= found.next();
                }
            }
            if (!present) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code connection} is to PostgreSQL. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
