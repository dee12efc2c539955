package io.lendpoint.platform.distributed;

import io.lendpoint.platform.personaldata.JdbcPersonalDataVault;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed-only JDBC configuration switches on with a PostgreSQL {@code spring.datasource.url} only, so
 * standalone (no such property, its own HSQLDB {@code DataSource}) never gets a second vault. A HSQLDB
 * in-memory database stands in for PostgreSQL; the condition looks at the URL property, not at the pool.
 */
class ConditionalOnPostgresDataSourceTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Scanning.class);

    @Test
    @DisplayName("PostgreSQL URL: the personal data vault is a JdbcPersonalDataVault on the DataSource")
    void activeWithPostgresUrl() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:5432/lendpoint")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(PersonalDataVault.class);
                    assertThat(context.getBean(PersonalDataVault.class)).isInstanceOf(JdbcPersonalDataVault.class);
                });
    }

    @Test
    @DisplayName("no URL (standalone) or another database: nothing distributed-only is created")
    void inactiveOtherwise() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PersonalDataVault.class));
        runner.withPropertyValues("spring.datasource.url=jdbc:hsqldb:mem:x")
                .run(context -> assertThat(context).doesNotHaveBean(PersonalDataVault.class));
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "io.lendpoint.platform.personaldata")
    static class Scanning {
        @Bean
        DataSource dataSource() {
            JDBCDataSource dataSource = new JDBCDataSource();
            dataSource.setUrl("jdbc:hsqldb:mem:vault-" + UUID.randomUUID());
            dataSource.setUser("SA");
            return dataSource;
        }
    }
}
