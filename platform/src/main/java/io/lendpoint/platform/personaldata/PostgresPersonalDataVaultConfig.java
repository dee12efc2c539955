package io.lendpoint.platform.personaldata;

import io.lendpoint.platform.distributed.ConditionalOnPostgresDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Distributed mode: the personal data keys of clause A.6 in the {@code personal_data_key} table of the shared
 * PostgreSQL database, outside the event store (Axon Server). Both sides use the same table: the command side
 * protects (encrypts), the query side reveals only to mask. The table is created at start-up if absent.
 *
 * <p>An erasure drops the key at once in the erasing process; every other instance may still reveal from its
 * cached copy for up to {@code lendpoint.vault.cache-ttl} (see {@link JdbcPersonalDataVault}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPostgresDataSource
class PostgresPersonalDataVaultConfig {

    @Bean
    PersonalDataVault personalDataVault(DataSource dataSource,
                                        @Value("${lendpoint.vault.cache-size:10000}") int cacheSize,
                                        @Value("${lendpoint.vault.cache-ttl:5m}") String cacheTtl) {
        return new JdbcPersonalDataVault(dataSource, cacheSize, DurationStyle.detectAndParse(cacheTtl),
                Clock.systemUTC());
    }
}
