package io.lendpoint.standalone;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The embedded, durable event store: Axon's JDBC storage engine on HSQLDB in file mode, chosen over H2 and
 * SQLite with figures (docs/architecture.md, "Why HSQLDB"). Every commit is synced to disk before the command
 * is acknowledged ({@code hsqldb.write_delay=false}); MVCC and a normal connection pool let many HTTP clients
 * write at once. Two adaptations: VARBINARY payload columns instead of BLOBs, and a resolver that recognises
 * HSQLDB's duplicate-key errors.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedEventStoreConfig {

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(@Value("${lendpoint.data-dir}") String dataDir) {
        return DataDirectory.open(java.nio.file.Path.of(dataDir));
    }

    @Bean
    DataSource dataSource(DataDirectory directory, @Value("${lendpoint.event-store.pool-size:8}") int poolSize) {
        String url = "jdbc:hsqldb:file:" + directory.eventStore().resolve("events")
                + ";hsqldb.write_delay=false;hsqldb.tx=mvcc;hsqldb.default_table_type=cached"
                + ";hsqldb.lock_file=false;shutdown=true";
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("SA");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("event-store");
        return dataSource;
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new HsqlDuplicateKeyResolver();
    }

    @Bean
    InitializingBean eventStoreSchema(EventStorageEngine engine) {
        return () -> ((JdbcEventStorageEngine) engine).createSchema(new HsqlVarbinaryEventTableFactory());
    }
}
