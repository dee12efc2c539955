package io.lendpoint.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs events through a handler as a pooled streaming processor runs one processing batch: one batching unit of
 * work, each event through the {@link BatchWritesInterceptor}, rolled back if anything escapes a handler.
 */
public final class ProcessingBatch {

    private final BatchWritesInterceptor interceptor;

    public ProcessingBatch() {
        this(new BatchWritesInterceptor());
    }

    ProcessingBatch(BatchWritesInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    /** The batch's outcome: exceptional when it failed (and was rolled back). */
    public ResultMessage<?> run(List<? extends EventMessage<?>> events, Consumer<EventMessage<?>> handler) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(interceptor), message -> {
            handler.accept(message);
            return null;
        }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
    }
}
