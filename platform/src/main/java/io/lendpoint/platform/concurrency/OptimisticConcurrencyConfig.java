package io.lendpoint.platform.concurrency;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every aggregate resolves its command's target with {@link ExpectedVersionTargetResolver}. The dispatch side is
 * registered apart ({@link IfMatchInterceptorRegistration}): one class holding both would be a dependency cycle,
 * since the command bus is built from this configuration.
 */
@Configuration(proxyBeanMethods = false)
public class OptimisticConcurrencyConfig {

    @Bean
    ConfigurerModule expectedVersionTargets() {
        return configurer -> configurer.registerComponent(CommandTargetResolver.class,
                config -> new ExpectedVersionTargetResolver());
    }
}
