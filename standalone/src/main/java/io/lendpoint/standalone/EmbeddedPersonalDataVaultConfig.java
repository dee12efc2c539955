package io.lendpoint.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.platform.personaldata.JdbcPersonalDataVault;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * The personal data keys of clause A.6 in their own embedded HSQLDB database, {@code <data-dir>/vault/keys},
 * outside the event store: a copy of the event store alone reveals nothing, and deleting a key erases. Same
 * durability settings as the event store (each commit synced). Its small connection pool belongs to the vault
 * bean and is not a {@code DataSource} bean, so Spring Boot and Axon keep seeing only the event store's.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedPersonalDataVaultConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPersonalDataVault personalDataVault(DataDirectory directory,
                                                @Value("${lendpoint.vault.pool-size:4}") int poolSize) {
        return EmbeddedPersonalDataVault.open(directory, poolSize);
    }

    /** The JDBC vault together with the pool it owns, closed with the application. */
    static final class EmbeddedPersonalDataVault implements PersonalDataVault, AutoCloseable {

        private final HikariDataSource pool;
        private final PersonalDataVault vault;

        private EmbeddedPersonalDataVault(HikariDataSource pool, PersonalDataVault vault) {
            this.pool = pool;
            this.vault = vault;
        }

        static EmbeddedPersonalDataVault open(DataDirectory directory, int poolSize) {
            String url = "jdbc:hsqldb:file:" + directory.vault().resolve("keys")
                    + ";hsqldb.write_delay=false;hsqldb.tx=mvcc;hsqldb.default_table_type=cached"
                    + ";hsqldb.lock_file=false;shutdown=true";
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            pool.setUsername("SA");
            pool.setPassword("");
            pool.setMaximumPoolSize(poolSize);
            pool.setPoolName("personal-data-vault");
            try {
                return new EmbeddedPersonalDataVault(pool, new JdbcPersonalDataVault(pool));
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }

        @Override
        public ProtectedValue protect(String subjectId, String plaintext) {
            return vault.protect(subjectId, plaintext);
        }

        @Override
        public Optional<String> reveal(ProtectedValue value) {
            return vault.reveal(value);
        }

        @Override
        public void erase(String subjectId) {
            vault.erase(subjectId);
        }

        @Override
        public boolean isErased(String subjectId) {
            return vault.isErased(subjectId);
        }

        boolean isClosed() {
            return pool.isClosed();
        }

        /** Closing the last connection shuts the HSQLDB database down cleanly ({@code shutdown=true}). */
        @Override
        public void close() {
            pool.close();
        }
    }
}
