package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** §6.1: a point asked; the library's answer is due by {@code answerDueBy} (its service level at the time). */
@Revision("1")
public record QuestionAsked(String consultationId, String servicePointId, ConsultationChannel channel, String question,
                            String askedBy, Instant askedAt, Instant answerDueBy) {
}
