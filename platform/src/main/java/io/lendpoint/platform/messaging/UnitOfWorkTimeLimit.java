package io.lendpoint.platform.messaging;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.annotation.Nonnull;

/**
 * A time limit on a whole unit of work (a command, a query, a deadline, a processor's batch), as Axon's
 * {@code UnitOfWorkTimeoutInterceptor} with the same settings ({@code axon.timeout.transaction.*}), on a
 * {@link TimeLimit}: one limit per root unit of work, so a query asked inside a command runs under the command's.
 */
final class UnitOfWorkTimeLimit implements MessageHandlerInterceptor<Message<?>> {

    private static final String RESOURCE = UnitOfWorkTimeLimit.class.getName();

    private final String component;
    private final TaskTimeoutSettings settings;
    private final TimeLimitWatchdog watchdog;

    UnitOfWorkTimeLimit(String component, TaskTimeoutSettings settings, TimeLimitWatchdog watchdog) {
        this.component = component;
        this.settings = settings;
        this.watchdog = watchdog;
    }

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends Message<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        TimeLimit limit = (TimeLimit) root.getResource(RESOURCE);
        if (limit == null) {
            TimeLimit started = TimeLimit.start(() -> "UnitOfWork of " + component + " ["
                            + root.getMessage().getPayloadType().getSimpleName() + "]",
                    settings.getTimeoutMs(), settings.getWarningThresholdMs(), settings.getWarningIntervalMs(),
                    watchdog);
            try {
                root.onCleanup(u -> {
                    started.complete();
                    if (started.isInterrupted()) {
                        Thread.interrupted(); // the limit's own interrupt never reaches the thread's next task
                    }
                });
            } catch (RuntimeException e) {
                started.complete();
                throw e;
            }
            root.resources().put(RESOURCE, started);
            limit = started;
        }
        try {
            Object result = interceptorChain.proceed();
            limit.ensureNoInterruptionWasSwallowed();
            return result;
        } catch (Exception e) {
            throw limit.detectInterruptionInsteadOfException(e);
        }
    }
}
