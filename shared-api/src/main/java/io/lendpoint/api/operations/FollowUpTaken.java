package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §6.3: a follow-up step on a raised problem. */
@Revision("1")
public record FollowUpTaken(String feedbackId, String servicePointId, String action, LocalDate takenOn, String takenBy) {
}
