package io.lendpoint.platform.distributed;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one rule that switches on distributed-mode JDBC configuration (docs/distributed.md, "PostgreSQL"):
 * active only when {@code spring.datasource.url} starts with {@code jdbc:postgresql:}. {@code command-side.yml}
 * and {@code query-side.yml} set that property; standalone never does (it builds its own HSQLDB
 * {@code DataSource} in code), so the classes guarded by this stay inactive in the standalone jar, which scans
 * the command and query packages too.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnPostgresDataSourceCondition.class)
public @interface ConditionalOnPostgresDataSource {
}
