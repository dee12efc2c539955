package io.lendpoint.query.infra;

import io.lendpoint.platform.jdbc.SchemaCreation;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A persisted dead-letter queue for every processing group (Axon's JDBC one, table {@code DeadLetterEntry} in the
 * side's database: HSQLDB standalone, PostgreSQL distributed). An event a projection cannot handle is parked there
 * with its cause — and so are the later events of the same aggregate, to keep their order — while the processor
 * goes on with everything else. Parked events are retried on a schedule and by an administrator
 * ({@code /api/admin/dead-letters}). The queue joins the processing batch's transaction where there is one (standalone:
 * the batch's HSQLDB connection, so a batch never needs a second connection from the pool) and commits per
 * statement where there is none (distributed: projections run without a JDBC transaction).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

    /** Axon's dead-letter table. */
    static final String TABLE = "DeadLetterEntry";

    private static final String QUERY_SIDE = "io.lendpoint.query.";

    /**
     * Each of the query side's processing groups gets a queue, registered by name: a queue registered for a group takes
     * precedence over Axon Spring Boot's default provider (which gives a queue only to groups enabled by property).
     * {@code DeadLetterHttpTest} checks that every projection processor has one.
     */
    @Bean
    ConfigurerModule deadLetterQueues(DataSource dataSource, ListableBeanFactory beans) {
        createTable(dataSource);
        return configurer -> processingGroups(beans).forEach(group -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(config.getComponent(TransactionManager.class))
                        .schema(DeadLetterSchema.defaultSchema())
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .build())
                // without it every event asks the queue's table whether its sequence is parked (one query per event
                // per group); the cache remembers which sequences cannot be there (issue 8's replay figures)
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, invoker) -> invoker.enableSequenceIdentifierCache()));
    }

    /**
     * The processing groups of this side's event handlers, as their {@code @ProcessingGroup} names them: a new
     * projection gets its queue without being listed anywhere. The command side's policies (in the same JVM when
     * standalone) are not this side's and keep none.
     */
    static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(name);
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (type != null && group != null && type.getPackageName().startsWith(QUERY_SIDE)) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    /**
     * Axon's table, with the binary type each database knows (HSQLDB has no unbounded BLOB in this use), created
     * under the lock every component's tables are created under ({@link SchemaCreation}), so query-side instances
     * starting together on PostgreSQL create it once; nothing is created when it is there.
     */
    static void createTable(DataSource dataSource) {
        SchemaCreation.run(dataSource, List.of(TABLE), connection -> {
            if (SchemaCreation.present(connection, List.of(TABLE))) {
                return;
            }
            boolean postgres = SchemaCreation.isPostgres(connection);
            Connection locked = unclosable(connection);
            JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder().processingGroup("schema")
                    .connectionProvider(() -> locked)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .genericSerializer(org.axonframework.serialization.json.JacksonSerializer.defaultSerializer())
                    .eventSerializer(org.axonframework.serialization.json.JacksonSerializer.defaultSerializer())
                    .build()
                    .createSchema(new GenericDeadLetterTableFactory() {
                        @Override
                        protected String serializedDataType() {
                            return postgres ? "BYTEA" : "VARBINARY(16777216)";
                        }
                    });
        });
    }

    /** The locked transaction's connection, for Axon's schema creation, which closes what it is given. */
    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
