package io.lendpoint.platform.messaging;

import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.HandlerTimeoutConfiguration;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's time limits (TimeLimitsConfig) do what Axon's do: a unit of work over its limit is interrupted and
 * fails with Axon's timeout exception, even when its handler swallows the interrupt; a warning comes after the
 * threshold; a unit of work within its limit is left alone, and its limit is forgotten.
 */
class TimeLimitTest {

    private final List<String> warnings = new ArrayList<>();
    private final List<String> interrupts = new ArrayList<>();
    private final TimeLimitWatchdog watchdog = new TimeLimitWatchdog(Duration.ofMillis(10), "test-time-limits") {
        @Override
        void logWarning(String task, Thread limited, long takenMs, long remainingMs) {
            synchronized (warnings) {
                warnings.add(task);
            }
        }

        @Override
        void logInterrupt(String task, Thread limited, long timeoutMs) {
            synchronized (interrupts) {
                interrupts.add(task);
            }
        }
    };

    @AfterEach
    void stopWatching() {
        watchdog.stop();
    }

    private SimpleCommandBus bus(int timeoutMs, int warningMs, Runnable handler) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new UnitOfWorkTimeLimit("SimpleCommandBus",
                new TaskTimeoutSettings(timeoutMs, warningMs, 50), watchdog));
        bus.subscribe(String.class.getName(), command -> {
            handler.run();
            return "done";
        });
        return bus;
    }

    private static CommandResultMessage<?> send(SimpleCommandBus bus) throws Exception {
        FutureCallback<String, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("go"), callback);
        return callback.getResult(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a command past its limit is interrupted and fails with Axon's timeout exception; the thread is left uninterrupted")
    void commandPastItsLimit() throws Exception {
        CommandResultMessage<?> result = send(bus(200, -1, () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
        }));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class)
                .hasMessageContaining("UnitOfWork of SimpleCommandBus [String] has timed out");
        assertThat(interrupts).hasSize(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(watchdog.watched()).isZero();
    }

    @Test
    @DisplayName("a command whose handler swallows the interrupt still fails with the timeout")
    void swallowedInterrupt() throws Exception {
        CommandResultMessage<?> result = send(bus(100, -1, () -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException swallowed) {
                    return; // ends "normally"
                }
            }
        }));

        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    @DisplayName("a slow command is warned about after the threshold, then every interval, and ends normally within its limit")
    void warnings() throws Exception {
        CommandResultMessage<?> result = send(bus(5_000, 50, () -> sleep(300)));

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("done");
        assertThat(warnings).hasSizeGreaterThanOrEqualTo(2).allMatch(w -> w.contains("SimpleCommandBus"));
        assertThat(interrupts).isEmpty();
    }

    @Test
    @DisplayName("a quick command is neither warned about nor interrupted, and its limit is forgotten")
    void quickCommands() throws Exception {
        SimpleCommandBus bus = bus(10_000, 5_000, () -> {
        });
        for (int i = 0; i < 1000; i++) {
            assertThat(send(bus).isExceptional()).isFalse();
        }
        sleep(300);

        assertThat(warnings).isEmpty();
        assertThat(interrupts).isEmpty();
        assertThat(watchdog.watched()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    @DisplayName("a unit of work nested in another runs under the outer one's limit, not a second one")
    void nestedUnitOfWork() throws Exception {
        AtomicInteger watchedInside = new AtomicInteger();
        AtomicBoolean nestedRan = new AtomicBoolean();
        UnitOfWorkTimeLimit limit = new UnitOfWorkTimeLimit("outer", new TaskTimeoutSettings(5_000, -1, 1000), watchdog);
        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("outer")).executeWithResult(() ->
                limit.handle(CurrentUnitOfWork.get(), () -> {
                    DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("inner"))
                            .executeWithResult(() -> limit.handle(CurrentUnitOfWork.get(), () -> {
                                watchedInside.set(watchdog.watched());
                                nestedRan.set(true);
                                return null;
                            }));
                    return null;
                }));

        assertThat(nestedRan).isTrue();
        assertThat(watchedInside).hasValue(1);
        assertThat(watchdog.watched()).isZero();
    }

    @Test
    @DisplayName("a query handler past its own limit (@MessageHandlerTimeout) fails with Axon's timeout exception; one within it answers, and neither leaves its thread interrupted")
    void handlerLimit() throws Exception {
        HandlerTimeLimits limits = new HandlerTimeLimits(new HandlerTimeoutConfiguration(new TaskTimeoutSettings(),
                new TaskTimeoutSettings(), new TaskTimeoutSettings(30_000, -1, 1000), new TaskTimeoutSettings()),
                watchdog);
        Map<String, MessageHandlingMember<? super SlowQueries>> handlers = AnnotatedHandlerInspector.inspectType(
                        SlowQueries.class, ClasspathParameterResolverFactory.forClass(SlowQueries.class),
                        MultiHandlerDefinition.ordered(limits, ClasspathHandlerDefinition.forClass(SlowQueries.class)))
                .getHandlers(SlowQueries.class)
                .collect(Collectors.toMap(h -> h.unwrap(Method.class).orElseThrow().getName(), h -> h));

        assertThatThrownBy(() -> handlers.get("slow").handle(new GenericQueryMessage<>(1L,
                ResponseTypes.instanceOf(String.class)), new SlowQueries()))
                .isInstanceOf(AxonTimeoutException.class).hasMessageContaining(Long.class.getName());
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(handlers.get("quick").handle(new GenericQueryMessage<>(1, ResponseTypes.instanceOf(String.class)),
                new SlowQueries())).isEqualTo("at once");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThatThrownBy(() -> handlers.get("broken").handle(new GenericQueryMessage<>("q",
                ResponseTypes.instanceOf(String.class)), new SlowQueries())).isInstanceOf(StackOverflowError.class);
        assertThat(interrupts).hasSize(1);
        assertThat(watchdog.watched()).isZero(); // none left to interrupt the thread later, not even the broken one's
    }

    @SuppressWarnings("unused")
    static class SlowQueries {

        @QueryHandler
        @MessageHandlerTimeout(timeoutMs = 200)
        String slow(Long query) throws InterruptedException {
            Thread.sleep(10_000);
            return "late";
        }

        @QueryHandler
        String quick(Integer query) {
            return "at once";
        }

        @QueryHandler
        String broken(String query) {
            throw new StackOverflowError("a handler failing with an Error");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
