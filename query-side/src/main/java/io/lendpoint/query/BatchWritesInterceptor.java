package io.lendpoint.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens {@link BatchWrites} for each processing batch of a projection processor and sends them after the batch's
 * last event, inside that event's handling: before the unit of work commits, so the processor's token is stored
 * only after the writes (a prepare-commit hook would run after the token's, which the pooled processor registers
 * first). It sits outside the dead-letter queue's invoker, so a failed flush fails the whole batch (rolled back,
 * retried by the processor) instead of parking only the event that happened to be last.
 *
 * <p>A batch whose flush failed is retried writing through, event by event: a write that keeps failing then fails
 * its own event, which is parked in the dead-letter queue as without batching, and the processor goes on. Batches
 * are known by their first event.
 */
public final class BatchWritesInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(BatchWritesInterceptor.class);
    /** First events of batches to retry writing through; bounded so a batch never retried is not kept forever. */
    private static final int REMEMBERED = 1_000;

    private final Set<String> failedBatches = ConcurrentHashMap.newKeySet();

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batch)) {
            return chain.proceed();
        }
        String first = batch.getMessages().get(0).getIdentifier();
        if (batch.isFirstMessage() && !failedBatches.remove(first)) {
            batch.resources().put(BatchWrites.RESOURCE, new BatchWrites());
        }
        BatchWrites writes = batch.getResource(BatchWrites.RESOURCE);
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception e) { // a group without a dead-letter queue: the handler's failure fails the batch
            if (writes != null && writes.failure() != null) {
                retryEventByEvent(first, e);
            }
            throw e;
        }
        if (writes != null && (writes.failure() != null || batch.isLastMessage())) {
            try {
                writes.send();
            } catch (RuntimeException e) {
                retryEventByEvent(first, e);
                throw e;
            }
        }
        return result;
    }

    private void retryEventByEvent(String first, Exception cause) {
        if (failedBatches.size() >= REMEMBERED) {
            failedBatches.clear();
        }
        failedBatches.add(first);
        log.warn("A projection batch failed as a whole; it is retried event by event (first event {})", first, cause);
    }
}
