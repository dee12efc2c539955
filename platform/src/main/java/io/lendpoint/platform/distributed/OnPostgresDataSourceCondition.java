package io.lendpoint.platform.distributed;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** See {@link ConditionalOnPostgresDataSource}. */
class OnPostgresDataSourceCondition extends SpringBootCondition {

    static final String URL_PROPERTY = "spring.datasource.url";
    static final String PREFIX = "jdbc:postgresql:";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty(URL_PROPERTY, "");
        return url.startsWith(PREFIX)
                ? ConditionOutcome.match(URL_PROPERTY + " is a PostgreSQL URL")
                : ConditionOutcome.noMatch(URL_PROPERTY + " is not a PostgreSQL URL (distributed mode only)");
    }
}
