package io.lendpoint.platform.audit;

import io.lendpoint.api.audit.AuditMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every message carries who did it, in which role and in which HTTP request: {@link AuditInterceptorRegistration}
 * stamps commands and queries as they are dispatched, and the correlation data providers copy those keys (and Axon's correlation and trace
 * ids) onto every event the command causes. Auditors read them back from the event store.
 */
@Configuration(proxyBeanMethods = false)
public class AuditCorrelationConfig {

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.USER, AuditMetadata.ROLE, AuditMetadata.REQUEST_ID);
    }
}
