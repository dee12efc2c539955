package io.lendpoint.command.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The refresh policy from configuration: 14 days of grace unless set. */
@Configuration(proxyBeanMethods = false)
class RefreshPolicyConfig {

    @Bean
    RefreshPolicy refreshPolicy(@Value("${lendpoint.refresh.grace-days:14}") int graceDays) {
        return new RefreshPolicy(graceDays);
    }
}
