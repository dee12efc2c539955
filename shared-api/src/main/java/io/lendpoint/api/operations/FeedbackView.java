package io.lendpoint.api.operations;

import io.lendpoint.api.Versioned;
import java.time.LocalDate;
import java.util.List;

/** §6.3: feedback as read: {@code status} is NO_PROBLEM, OPEN (a problem being followed up) or RESOLVED. */
public record FeedbackView(String feedbackId, String servicePointId, FeedbackChannel channel, LocalDate receivedOn,
                           Integer satisfaction, String problem, String comment, String respondent, String status,
                           List<FollowUp> followUps, String resolution, LocalDate resolvedOn, Long daysToResolve,
                           long version) implements Versioned {

    public record FollowUp(String action, LocalDate takenOn, String takenBy) {
    }
}
