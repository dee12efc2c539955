package io.lendpoint.standalone;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.hsqldb.jdbc.JDBCDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests of the embedded engine's statements: a file HSQLDB as the embedded store opens its own, Axon's engine on
 * it, the statements prepared, and how HSQLDB plans them.
 */
final class EventTables {

    private EventTables() {
    }

    /** A file database in {@code directory} with cached tables and MVCC, as the embedded store opens its own. */
    static JDBCDataSource fileStore(Path directory) {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:file:" + directory.resolve("events")
                + ";hsqldb.tx=mvcc;hsqldb.default_table_type=cached;hsqldb.lock_file=false");
        dataSource.setUser("SA");
        dataSource.setPassword("");
        return dataSource;
    }

    /** Runs {@code sql} (an update or DDL) on a connection of its own. */
    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Axon's JDBC engine builder on {@code connections}: Jackson for events and snapshots, no transactions. */
    static JdbcEventStorageEngine.Builder engineBuilder(ConnectionProvider connections) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE);
    }

    /**
     * How many of the range variables of {@code sql}'s plan read the event table from its first row: a full scan, or
     * an index read with no lower bound (HSQLDB's plan starts it at "NOT globalIndex IS NULL").
     */
    static long scansOfEventTable(DataSource dataSource, String sql) {
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN PLAN FOR " + sql);
             ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
                plan.addAll(List.of(rows.getString(1).split("\n")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long scans = 0;
        for (int line = 0; line < plan.size(); line++) {
            if (plan.get(line).trim().equals("table=DOMAINEVENTENTRY")) {
                List<String> rest = plan.subList(line + 1, plan.size());
                int end = IntStream.range(0, rest.size()).filter(l -> rest.get(l).contains("range variable"))
                        .findFirst().orElse(rest.size());
                List<String> variable = rest.subList(0, end);
                boolean fullScan = variable.stream().anyMatch(l -> l.contains("access=FULL SCAN"));
                int start = IntStream.range(0, variable.size())
                        .filter(l -> variable.get(l).contains("start conditions=")).findFirst().orElse(-1);
                boolean fromFirstRow = start < 0 || variable.get(start + 1).trim().startsWith("NOT");
                scans += fullScan || fromFirstRow ? 1 : 0;
            }
        }
        assertThat(plan).as("the plan of %s names the event table", sql).anyMatch(l -> l.contains("DOMAINEVENTENTRY"));
        return scans;
    }

    /** Connections of {@code dataSource} that add each statement prepared on them to {@code prepared}. */
    static ConnectionProvider recording(DataSource dataSource, List<String> prepared) {
        return () -> recorded(dataSource.getConnection(), prepared);
    }

    /** {@code dataSource}, its connections adding each statement prepared on them to {@code prepared}. */
    static DataSource recordingDataSource(DataSource dataSource, List<String> prepared) {
        return (DataSource) Proxy.newProxyInstance(EventTables.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    return result instanceof Connection connection ? recorded(connection, prepared) : result;
                });
    }

    private static Connection recorded(Connection connection, List<String> prepared) {
        return (Connection) Proxy.newProxyInstance(EventTables.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        prepared.add(sql);
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
