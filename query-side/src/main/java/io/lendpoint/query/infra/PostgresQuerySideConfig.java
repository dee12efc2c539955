package io.lendpoint.query.infra;

import io.lendpoint.platform.distributed.ConditionalOnPostgresDataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Distributed mode, query side: PostgreSQL is here only for the personal data key vault (card queries reveal
 * the holder's data to mask it). Its {@code DataSource} must not change how projections run: without this bean
 * Axon would wrap Spring's JDBC transaction manager and open a PostgreSQL transaction around every projection
 * batch, although projections and tokens live in MongoDB. Axon's JDBC auto-configuration does not replace the
 * {@code MongoTokenStore} ({@link ProjectionInfrastructureConfig} defines a {@code TokenStore}), and no JDBC
 * event storage engine is created while Axon Server provides the event store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPostgresDataSource
class PostgresQuerySideConfig {

    /** The query side's Axon transaction manager before the vault brought a DataSource: none. */
    @Bean
    TransactionManager projectionTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }
}
