package io.lendpoint.query.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parked events of every processing group: listed for the administrator, retried by hand or on a schedule
 * ({@code lendpoint.projections.dead-letter-retry}, default every minute). A retry hands each parked sequence
 * back to its projection in order; what still fails stays parked with its new cause.
 */
@Component
@EnableScheduling
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final int MAX_LISTED = 200;

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        processing.eventProcessors().keySet().forEach(group -> processing.deadLetterQueue(group)
                .ifPresent(queue -> counts.put(group, queue.size())));
        return counts;
    }

    List<DeadLetterView> list() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String group : new TreeMap<>(processing.eventProcessors()).keySet()) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElse(null);
            if (queue == null || queue.size() == 0) {
                continue;
            }
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() == MAX_LISTED) {
                        return letters;
                    }
                    letters.add(view(group, letter));
                }
            }
        }
        return letters;
    }

    /** Retries every parked sequence of every group once; answers how many sequences now went through. */
    int retry() {
        int done = 0;
        for (String group : processing.eventProcessors().keySet()) {
            var processor = processing.sequencedDeadLetterProcessor(group);
            if (processor.isEmpty()) {
                continue;
            }
            long sequences = processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::amountOfSequences)
                    .orElse(0L);
            for (long i = 0; i < sequences; i++) {
                if (processor.get().processAny()) {
                    done++;
                }
            }
        }
        return done;
    }

    @Scheduled(fixedDelayString = "${lendpoint.projections.dead-letter-retry:PT1M}",
            initialDelayString = "${lendpoint.projections.dead-letter-retry:PT1M}")
    void retryOnSchedule() {
        if (counts().values().stream().anyMatch(count -> count > 0)) {
            log.info("retrying parked events: {} sequence(s) went through", retry());
        }
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        return new DeadLetterView(group, event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null), letter.enqueuedAt(), letter.lastTouched());
    }
}
