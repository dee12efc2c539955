package io.lendpoint.platform.messaging;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.springboot.TimeoutProperties;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time limits of lendpoint-platform.yml, applied by the platform's {@link TimeLimitsConfig} (Axon's own
 * auto-configuration is off: Axon 4.13.0 walks the thread's stack each time one of its limits starts,
 * AxonFramework#4637) to a probe with one handler of each kind: event and command handlers are not wrapped in a limit
 * of their own, their units of work still are, and query handlers keep theirs, the Evaluator's longer one included.
 */
class HandlerTimeoutsTest {

    private final ApplicationContextRunner platform = new ApplicationContextRunner()
            .withInitializer(context -> {
                try {
                    new YamlPropertySourceLoader().load("lendpoint-platform",
                                    new ClassPathResource("lendpoint-platform.yml"))
                            .forEach(source -> context.getEnvironment().getPropertySources().addFirst(source));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .withConfiguration(AutoConfigurations.of(AxonTimeoutAutoConfiguration.class))
            .withUserConfiguration(TimeLimitsConfig.class);

    @Test
    void event_and_command_handlers_are_limited_per_unit_of_work_and_query_handlers_each_and_axons_own_limits_are_off() {
        platform.run(context -> {
            assertThat(context).doesNotHaveBean(HandlerTimeoutHandlerEnhancerDefinition.class);
            Map<String, Boolean> limited = limitedByHandler(context.getBean(HandlerTimeLimits.class));

            assertThat(limited).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "on", false,
                    "handle", false,
                    "answer", true,
                    "answerSlowly", true));
            TimeoutProperties.TransactionTimeoutProperties perUnitOfWork =
                    context.getBean(TimeoutProperties.class).getTransaction();
            assertThat(perUnitOfWork.getCommandBus().getTimeoutMs()).isPositive();
            assertThat(perUnitOfWork.getEventProcessors().getTimeoutMs()).isPositive();
            assertThat(perUnitOfWork.getQueryBus().getTimeoutMs()).isEqualTo(600_000);
            assertThat(timeoutOf(context.getBean(HandlerTimeLimits.class), "answerSlowly")).isEqualTo(600_000);
            assertThat(timeoutOf(context.getBean(HandlerTimeLimits.class), "answer")).isEqualTo(30_000);
        });
    }

    @Test
    void without_the_platform_settings_every_handler_would_be_wrapped() {
        new ApplicationContextRunner().withUserConfiguration(TimeLimitsConfig.class)
                .run(context -> assertThat(limitedByHandler(context.getBean(HandlerTimeLimits.class)))
                        .containsOnlyKeys("on", "handle", "answer", "answerSlowly").doesNotContainValue(false));
    }

    private static Map<String, Boolean> limitedByHandler(HandlerTimeLimits timeouts) {
        return handlers(timeouts).collect(Collectors.toMap(
                (MessageHandlingMember<? super Probe> member) -> member.unwrap(Method.class).orElseThrow().getName(),
                member -> member.unwrap(HandlerTimeLimits.Limited.class).isPresent()));
    }

    private static int timeoutOf(HandlerTimeLimits timeouts, String handler) {
        return handlers(timeouts)
                .filter(member -> member.unwrap(Method.class).orElseThrow().getName().equals(handler))
                .map(member -> member.unwrap(HandlerTimeLimits.Limited.class).orElseThrow().timeoutMs())
                .findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<MessageHandlingMember<? super Probe>> handlers(HandlerTimeLimits timeouts) {
        AnnotatedHandlerInspector<Probe> inspector = AnnotatedHandlerInspector.inspectType(Probe.class,
                ClasspathParameterResolverFactory.forClass(Probe.class),
                MultiHandlerDefinition.ordered(timeouts, ClasspathHandlerDefinition.forClass(Probe.class)));
        return inspector.getHandlers(Probe.class);
    }

    @SuppressWarnings("unused")
    static class Probe {

        @EventHandler
        void on(String event) {
        }

        @CommandHandler
        void handle(Integer command) {
        }

        @QueryHandler
        String answer(Long query) {
            return "";
        }

        @QueryHandler
        @MessageHandlerTimeout(timeoutMs = 600_000, warningThresholdMs = 60_000)
        String answerSlowly(Double query) {
            return "";
        }
    }
}
