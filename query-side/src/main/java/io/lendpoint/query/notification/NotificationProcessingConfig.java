package io.lendpoint.query.notification;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The e-mail channel needs the event stream's order across aggregates — a point's notice address (a service-point
 * event) must be seen before the batch's notices that follow it — so its processing group handles every event in one
 * sequence instead of splitting them by aggregate over segments. Notices are few; one sequence is plenty.
 */
@Configuration(proxyBeanMethods = false)
class NotificationProcessingConfig {

    @Bean
    ConfigurerModule emailNotificationsInOrder() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(NoticeAddresses.PROCESSING_GROUP, config -> new SequentialPolicy());
    }
}
