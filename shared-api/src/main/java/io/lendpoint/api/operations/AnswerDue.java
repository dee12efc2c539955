package io.lendpoint.api.operations;

import java.time.Instant;

/** The deadline payload: the answer to a consultation was due at {@code answerDueBy}. */
public record AnswerDue(String consultationId, Instant answerDueBy) {
}
