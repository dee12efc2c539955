package io.lendpoint.command.infra;

import io.lendpoint.platform.distributed.ConditionalOnPostgresDataSource;
import io.lendpoint.platform.jdbc.SchemaCreation;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * Distributed mode, command side: the tables of its two durable JDBC components in PostgreSQL, created at
 * start-up if absent, before any processor or the scheduler starts.
 * <ul>
 *   <li>Axon's token table ({@code TokenEntry}, unquoted, so PostgreSQL names it {@code tokenentry};
 *       {@link PostgresTokenTableFactory}): with a {@code DataSource}
 *       Axon auto-configures a {@link JdbcTokenStore}, used by the tracking processor {@code activation-policy}
 *       (§4.3), so a restart continues where it stopped instead of re-reading the stream;</li>
 *   <li>db-scheduler's {@code scheduled_tasks} (its PostgreSQL DDL): Axon's {@link DbSchedulerDeadlineManager}
 *       keeps the agreement and return-period deadlines (A.3, A.4) there, so they survive restarts and fire on
 *       one instance only.</li>
 * </ul>
 * Several instances may start at once: the DDL runs in one transaction under the PostgreSQL advisory lock every
 * component's tables are created under ({@link SchemaCreation}). Start-up
 * also fails if Axon did not pick the JDBC token store or the db-scheduler deadline manager (it would otherwise
 * fall back to in-memory ones without a word). Active only with a PostgreSQL {@code spring.datasource.url}
 * ({@link ConditionalOnPostgresDataSource}); standalone creates its HSQLDB tables itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPostgresDataSource
class PostgresSchemaConfig {

    private static final Logger logger = LoggerFactory.getLogger(PostgresSchemaConfig.class);

    /** db-scheduler's PostgreSQL schema (its {@code postgresql_tables.sql}), idempotent. */
    static final List<String> SCHEDULED_TASKS = List.of("""
            CREATE TABLE IF NOT EXISTS scheduled_tasks (
              task_name TEXT NOT NULL,
              task_instance TEXT NOT NULL,
              task_data BYTEA,
              execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
              picked BOOLEAN NOT NULL,
              picked_by TEXT,
              last_success TIMESTAMP WITH TIME ZONE,
              last_failure TIMESTAMP WITH TIME ZONE,
              consecutive_failures INT,
              last_heartbeat TIMESTAMP WITH TIME ZONE,
              version BIGINT NOT NULL,
              priority SMALLINT,
              PRIMARY KEY (task_name, task_instance))""",
            "CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)",
            "CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
            "CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");

    @Bean
    InitializingBean postgresSchema(DataSource dataSource, TokenStore tokenStore,
                                    ObjectProvider<TokenSchema> tokenSchema) {
        return () -> {
            if (!(tokenStore instanceof JdbcTokenStore)) {
                throw new IllegalStateException("Distributed command side expects Axon's JdbcTokenStore on "
                        + "PostgreSQL, but the token store is " + tokenStore.getClass().getName());
            }
            createTables(dataSource, tokenSchema.getIfAvailable(TokenSchema::new));
        };
    }

    /** Fails the start if Axon fell back to a deadline manager that forgets its deadlines on a restart. */
    @Bean
    SmartInitializingSingleton durableDeadlinesCheck(ObjectProvider<DeadlineManager> deadlineManager) {
        return () -> {
            DeadlineManager manager = deadlineManager.getIfAvailable();
            if (!(manager instanceof DbSchedulerDeadlineManager)) {
                throw new IllegalStateException("Distributed command side expects Axon's DbSchedulerDeadlineManager "
                        + "on PostgreSQL, but the deadline manager is "
                        + (manager == null ? "not a bean" : manager.getClass().getName()));
            }
        };
    }

    static void createTables(DataSource dataSource, TokenSchema tokenSchema) {
        SchemaCreation.run(dataSource, List.of(tokenSchema.tokenTable(), "scheduled_tasks"), connection -> {
            try (PreparedStatement tokenTable = PostgresTokenTableFactory.INSTANCE.createTable(connection,
                    tokenSchema)) {
                tokenTable.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                for (String ddl : SCHEDULED_TASKS) {
                    statement.execute(ddl);
                }
            }
        });
        logger.info("PostgreSQL tables present: {} (Axon tokens), scheduled_tasks (db-scheduler deadlines)",
                tokenSchema.tokenTable());
    }
}
