package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** §6.1: no answer by the due time; the question stays open until it is answered. */
@Revision("1")
public record ConsultationOverdue(String consultationId, String servicePointId, Instant answerDueBy) {
}
