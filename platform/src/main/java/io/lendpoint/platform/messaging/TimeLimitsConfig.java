package io.lendpoint.platform.messaging;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Axon's time limits, with Axon's settings ({@code axon.timeout.handler.*}, {@code axon.timeout.transaction.*} in
 * lendpoint-platform.yml), applied as Axon's {@code AxonTimeoutAutoConfiguration} applies them — on each processor's
 * batches, on the command bus, the query bus and the deadline manager per unit of work, and on the handlers whose
 * kind has a limit — but on {@link TimeLimit}s, which cost next to nothing to start. Axon's own auto-configuration is
 * off ({@code axon.timeout.enabled: false}): its limits walk the handling thread's whole stack each time one starts
 * (AxonFramework#4637, fixed in Axon 4.13.2, which is not served here), about a quarter of a millisecond of every
 * batch step measured by {@code BatchLifeBenchmark} (docs/benchmarks.md). When Axon 4.13.2 or later is used, delete
 * this package's time-limit classes and turn Axon's back on.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeoutProperties.class)
public class TimeLimitsConfig {

    @Bean
    HandlerEnhancerDefinition handlerTimeLimits(TimeoutProperties properties) {
        return new HandlerTimeLimits(properties.getHandler().toMessageHandlerTimeoutConfiguration(),
                TimeLimitWatchdog.SHARED);
    }

    @Bean
    ConfigurerModule unitOfWorkTimeLimits(TimeoutProperties properties) {
        TimeoutProperties.TransactionTimeoutProperties limits = properties.getTransaction();
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing().registerDefaultHandlerInterceptor((config, processor) ->
                        new UnitOfWorkTimeLimit("EventProcessor " + processor,
                                limits.getEventProcessor().getOrDefault(processor, limits.getEventProcessors()),
                                TimeLimitWatchdog.SHARED));
                // as Axon does: on start, since the buses are built from the configuration being built
                configurer.onStart(Integer.MIN_VALUE, () -> register(configurer.buildConfiguration(), limits));
            }

            @Override
            public int order() {
                return Integer.MIN_VALUE;
            }
        };
    }

    private static void register(Configuration axon, TimeoutProperties.TransactionTimeoutProperties limits) {
        axon.commandBus().registerHandlerInterceptor(limit(axon.commandBus(), limits.getCommandBus()));
        axon.queryBus().registerHandlerInterceptor(limit(axon.queryBus(), limits.getQueryBus()));
        axon.deadlineManager().registerHandlerInterceptor(limit(axon.deadlineManager(), limits.getDeadline()));
    }

    private static UnitOfWorkTimeLimit limit(Object component, TaskTimeoutSettings settings) {
        return new UnitOfWorkTimeLimit(component.getClass().getSimpleName(), settings, TimeLimitWatchdog.SHARED);
    }
}
