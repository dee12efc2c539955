package io.lendpoint.platform.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutConfiguration;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.queryhandling.QueryMessage;

import javax.annotation.Nonnull;

/**
 * A time limit on each handler, as Axon's {@code HandlerTimeoutHandlerEnhancerDefinition} with the same settings
 * ({@code axon.timeout.handler.*}, and {@code @MessageHandlerTimeout} on a handler), on a {@link TimeLimit}. A kind of
 * handler whose timeout and warning threshold are both negative is not wrapped at all.
 */
final class HandlerTimeLimits implements HandlerEnhancerDefinition {

    private static final String ATTRIBUTE = "MessageHandlerTimeout.";

    private final HandlerTimeoutConfiguration configuration;
    private final TimeLimitWatchdog watchdog;

    HandlerTimeLimits(HandlerTimeoutConfiguration configuration, TimeLimitWatchdog watchdog) {
        this.configuration = configuration;
        this.watchdog = watchdog;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        TaskTimeoutSettings settings = settingsFor(original);
        if (settings == null) {
            return original;
        }
        int timeout = attribute(original, "timeoutMs", settings.getTimeoutMs());
        int warning = attribute(original, "warningThresholdMs", settings.getWarningThresholdMs());
        int interval = attribute(original, "warningIntervalMs", settings.getWarningIntervalMs());
        if (timeout < 0 && warning < 0) {
            return original;
        }
        return new Limited<>(original, timeout, warning, interval, watchdog);
    }

    private TaskTimeoutSettings settingsFor(MessageHandlingMember<?> member) {
        if (member.canHandleMessageType(EventMessage.class)) {
            return configuration.getEvents();
        }
        if (member.canHandleMessageType(CommandMessage.class)) {
            return configuration.getCommands();
        }
        if (member.canHandleMessageType(QueryMessage.class)) {
            return configuration.getQueries();
        }
        if (member.canHandleMessageType(DeadlineMessage.class)) {
            return configuration.getDeadlines();
        }
        return null;
    }

    private static int attribute(MessageHandlingMember<?> member, String name, int fallback) {
        return member.attribute(ATTRIBUTE + name).map(value -> (int) value).filter(value -> value >= 0)
                .orElse(fallback);
    }

    /** A handler under its limit. */
    static final class Limited<T> extends WrappedMessageHandlingMember<T> {

        private final int timeout;
        private final int warning;
        private final int interval;
        private final TimeLimitWatchdog watchdog;

        Limited(MessageHandlingMember<T> original, int timeout, int warning, int interval,
                TimeLimitWatchdog watchdog) {
            super(original);
            this.timeout = timeout;
            this.warning = warning;
            this.interval = interval;
            this.watchdog = watchdog;
        }

        int timeoutMs() {
            return timeout;
        }

        @Override
        public Object handle(@Nonnull Message<?> message, T target) throws Exception {
            TimeLimit limit = TimeLimit.start(() -> "Message [" + message.getPayloadType().getName()
                    + "] for handler [" + (target == null ? null : target.getClass().getName()) + "]",
                    timeout, warning, interval, watchdog);
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception e) {
                limit.complete();
                throw limit.detectInterruptionInsteadOfException(e);
            } catch (Error e) {
                limit.complete(); // never left to interrupt whatever the thread does next
                throw e;
            }
            // completed first: after complete() no interrupt can come, so the checks below see the last one
            limit.complete();
            limit.ensureNoInterruptionWasSwallowed();
            return result;
        }
    }
}
