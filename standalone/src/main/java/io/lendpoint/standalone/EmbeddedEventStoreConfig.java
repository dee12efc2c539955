package io.lendpoint.standalone;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The embedded, durable event store: Axon's JDBC storage engine on HSQLDB in file mode, chosen over H2 and
 * SQLite with figures (docs/architecture.md, "Why HSQLDB"). Every commit is synced to disk before the command
 * is acknowledged ({@code hsqldb.write_delay=false}); MVCC and a normal connection pool let many HTTP clients
 * write at once. Five adaptations: VARBINARY payload columns instead of BLOBs, large payloads kept compressed, a
 * resolver that recognises HSQLDB's duplicate-key errors, a read past a token's gaps that HSQLDB runs through the
 * index, not as a full scan, and an instant's position found through marks of the time stamps, not by a walk of the
 * event table.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedEventStoreConfig {

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(@Value("${lendpoint.data-dir}") String dataDir) {
        return DataDirectory.open(java.nio.file.Path.of(dataDir));
    }

    @Bean
    DataSource dataSource(DataDirectory directory, @Value("${lendpoint.event-store.pool-size:8}") int poolSize,
                          @Value("${lendpoint.event-store.table-spaces:true}") boolean tableSpaces) {
        String url = "jdbc:hsqldb:file:" + directory.eventStore().resolve("events")
                + ";hsqldb.write_delay=false;hsqldb.tx=mvcc;hsqldb.default_table_type=cached"
                + ";hsqldb.lock_file=false;shutdown=true";
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("SA");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("event-store");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (tableSpaces && isNew(jdbc)) { // before any bean creates its table here
            // each table's rows in blocks of its own, and the space of a deleted row reused by that table's next
            // rows (replaced snapshots by new snapshots, released claims by new claims), instead of one free list
            // for the whole file (hsqldb.cache_free_count, 512 entries), past which freed space is lost until a
            // defragmentation. HSQLDB keeps this only when set on a database with no tables yet (tried on 2.7.4):
            // older stores keep the one free list.
            jdbc.execute("SET FILES SPACE TRUE");
        }
        return dataSource;
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but keeping large payloads compressed
     * ({@link CompressingEventStorageEngine}), reading past a token's gaps through the index
     * ({@link IndexedGapRead}) and finding an instant's position through marks of the time stamps ({@link TimeSeek}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          TimeSeek timeSeek) {
        return embeddedEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager), timeSeek); // Axon's default table and column names
    }

    /** How the store finds an instant's position, keeping its marks in the store's own connections. */
    @Bean
    TimeSeek timeSeek(DataSource dataSource) {
        return new TimeSeek(dataSource);
    }

    /** The embedded store's engine from Axon's {@code builder}: its adaptations of how events are read and written. */
    static JdbcEventStorageEngine embeddedEngine(JdbcEventStorageEngine.Builder builder, TimeSeek timeSeek) {
        return new CompressingEventStorageEngine(builder.readEventDataWithGaps(new IndexedGapRead())
                .createTokenAt(timeSeek));
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it, but lingering under load
     * ({@link LingeringEventStore}) for {@code lendpoint.event-store.linger} (from 1 ms to 10 s).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${lendpoint.event-store.linger:PT0.1S}") Duration linger) {
        if (linger.compareTo(Duration.ofMillis(1)) < 0 || linger.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("lendpoint.event-store.linger must be from 1 ms to 10 s, not " + linger);
        }
        return new LingeringEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), linger);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new HsqlDuplicateKeyResolver();
    }

    /**
     * Event tables, and the table of the durable deadline manager (db-scheduler) beside them: a deadline that an
     * aggregate schedules commits in the same transaction as the events that caused it; and {@link TimeSeek}'s marks.
     */
    @Bean
    InitializingBean eventStoreSchema(EventStorageEngine engine, DataSource dataSource) {
        return () -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            ((JdbcEventStorageEngine) engine).createSchema(new HsqlVarbinaryEventTableFactory());
            SCHEDULED_TASKS.forEach(jdbc::execute);
            TimeSeek.SCHEMA.forEach(jdbc::execute);
            // the day's checkpoints never rewrite the file to reclaim the space of deleted rows, which likely
            // held committing commands for up to 59 s at 2,000 points; EventStoreDefragmentation does it at night.
            // Stored in the database, so a store that had DEFRAG 30 (issue 8's first fix) is set back here.
            jdbc.execute("SET FILES DEFRAG 0");
        };
    }

    /** No table of the application's yet: a store created now. */
    private static boolean isNew(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                Integer.class) == 0;
    }

    /**
     * {@code --lendpoint.event-store.compact-on-shutdown=true}: a clean shutdown rewrites the database file without
     * its free space ({@code SHUTDOWN COMPACT}), after everything else has stopped. Off by default: it takes time
     * in proportion to the store, and {@link EventStoreDefragmentation} reclaims the same space every night.
     */
    @Bean
    DisposableBean eventStoreCompaction(DataSource dataSource,
                                        @Value("${lendpoint.event-store.compact-on-shutdown:false}") boolean compact) {
        return () -> {
            if (compact) {
                new JdbcTemplate(dataSource).execute("SHUTDOWN COMPACT");
            }
        };
    }

    /**
     * db-scheduler's table (its generic-JDBC shape) with HSQLDB types, and the indexes its DDL gives it (added to
     * older stores at start-up). Without them each poll (every 5 s) read the whole table in execution-time order:
     * 14,070 deadlines, 7.9 MB, at 2,000 points: 3.8–6.4 ms a poll against 0.2–0.3 ms with them.
     */
    static final List<String> SCHEDULED_TASKS = List.of("""
            CREATE TABLE IF NOT EXISTS scheduled_tasks (
              task_name VARCHAR(100) NOT NULL,
              task_instance VARCHAR(100) NOT NULL,
              task_data VARBINARY(16777216),
              execution_time TIMESTAMP(6) WITH TIME ZONE NOT NULL,
              picked BOOLEAN NOT NULL,
              picked_by VARCHAR(50),
              last_success TIMESTAMP(6) WITH TIME ZONE,
              last_failure TIMESTAMP(6) WITH TIME ZONE,
              consecutive_failures INT,
              last_heartbeat TIMESTAMP(6) WITH TIME ZONE,
              version BIGINT NOT NULL,
              priority SMALLINT,
              PRIMARY KEY (task_name, task_instance))""",
            "CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)",
            "CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
            "CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");
}
