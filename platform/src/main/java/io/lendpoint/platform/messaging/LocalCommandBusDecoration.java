package io.lendpoint.platform.messaging;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the local command bus (Axon's {@code SimpleCommandBus}: the command bus standalone, Axon Server's local
 * segment distributed) in {@link CommitFailureTranslatingCommandBus}, so a command's commit failures read the same
 * in both modes.
 */
@Configuration(proxyBeanMethods = false)
public class LocalCommandBusDecoration {

    @Bean
    static BeanPostProcessor commitFailureTranslation() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof SimpleCommandBus local ? new CommitFailureTranslatingCommandBus(local) : bean;
            }
        };
    }
}
