package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** §6.1: answered, {@code responseMinutes} after it was asked; {@code withinServiceLevel} by the due time set then. */
@Revision("1")
public record QuestionAnswered(String consultationId, String servicePointId, String answer, String answeredBy,
                               Instant answeredAt, long responseMinutes, boolean withinServiceLevel) {
}
