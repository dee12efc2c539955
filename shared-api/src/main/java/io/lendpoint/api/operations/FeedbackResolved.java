package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §6.3: the problem was resolved {@code daysToResolve} days after the feedback came in. */
@Revision("1")
public record FeedbackResolved(String feedbackId, String servicePointId, String resolution, LocalDate resolvedOn,
                               long daysToResolve) {
}
