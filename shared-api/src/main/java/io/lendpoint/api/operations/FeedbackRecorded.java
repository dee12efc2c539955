package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §6.3: feedback from a point; {@code problemRaised} when it needs follow-up until resolved. */
@Revision("1")
public record FeedbackRecorded(String feedbackId, String servicePointId, FeedbackChannel channel, LocalDate receivedOn,
                               Integer satisfaction, String problem, String comment, String respondent,
                               boolean problemRaised) {
}
