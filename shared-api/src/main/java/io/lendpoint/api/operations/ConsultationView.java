package io.lendpoint.api.operations;

import io.lendpoint.api.Versioned;
import java.time.Instant;

/**
 * §6.1: a consultation as read: the question, when its answer is due, the answer with its response time (minutes)
 * and whether it came within the service level; {@code overdue} once the due time passed unanswered.
 */
public record ConsultationView(String consultationId, String servicePointId, ConsultationChannel channel,
                               String question, String askedBy, Instant askedAt, Instant answerDueBy, String answer,
                               String answeredBy, Instant answeredAt, Long responseMinutes,
                               Boolean withinServiceLevel, boolean overdue, long version) implements Versioned {
}
