package io.lendpoint.standalone;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises a unique-constraint violation from HSQLDB (SQLState 23505, often wrapped in a
 * {@code BatchUpdateException}) so that Axon reports a second event with the same aggregate id and sequence
 * number as a concurrency conflict or an existing aggregate, not as a storage failure.
 */
class HsqlDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
