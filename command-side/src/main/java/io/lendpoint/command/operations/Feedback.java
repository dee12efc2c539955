package io.lendpoint.command.operations;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.FeedbackRecorded;
import io.lendpoint.api.operations.FeedbackResolved;
import io.lendpoint.api.operations.FollowUpTaken;
import io.lendpoint.api.operations.RecordFeedback;
import io.lendpoint.api.operations.ResolveFeedback;
import io.lendpoint.api.operations.TakeFollowUpAction;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §6.3: one piece of feedback from a point (phone callback, questionnaire, message, visit): its satisfaction score,
 * and a raised problem followed up until resolved, with the time it took.
 */
@Aggregate
class Feedback {

    @AggregateIdentifier
    private String feedbackId;
    private String servicePointId;
    private LocalDate receivedOn;
    private boolean problemRaised;
    private boolean resolved;

    Feedback() {
        // for Axon
    }

    @CommandHandler
    Feedback(RecordFeedback command, Standings standings) {
        ServicePointStatus status = standings.servicePoint(command.servicePointId()).status();
        if (status != ServicePointStatus.ACTIVE && status != ServicePointStatus.APPROVED) {
            throw RuleViolation.conflict("feedback.point-not-served", "Service point " + command.servicePointId()
                    + " is " + status + "; feedback is about points the library serves", command.servicePointId(),
                    status);
        }
        requireNotInFuture(command.receivedOn());
        boolean problem = command.problem() != null && !command.problem().isBlank();
        if (command.satisfaction() == null && !problem && (command.comment() == null || command.comment().isBlank())) {
            throw RuleViolation.unprocessable("feedback.empty", "Feedback needs a satisfaction score, a problem or a "
                    + "comment");
        }
        apply(new FeedbackRecorded(command.feedbackId(), command.servicePointId(), command.channel(),
                command.receivedOn(), command.satisfaction(), problem ? command.problem().strip() : null,
                command.comment(), command.respondent(), problem));
    }

    @CommandHandler
    void handle(TakeFollowUpAction command) {
        requireOpenProblem();
        requireNotBefore(command.takenOn());
        apply(new FollowUpTaken(feedbackId, servicePointId, command.action(), command.takenOn(), command.takenBy()));
    }

    @CommandHandler
    void handle(ResolveFeedback command) {
        requireOpenProblem();
        requireNotBefore(command.resolvedOn());
        apply(new FeedbackResolved(feedbackId, servicePointId, command.resolution(), command.resolvedOn(),
                ChronoUnit.DAYS.between(receivedOn, command.resolvedOn())));
    }

    private void requireOpenProblem() {
        if (!problemRaised) {
            throw RuleViolation.conflict("feedback.no-problem", "Feedback " + feedbackId + " raised no problem; "
                    + "there is nothing to follow up", feedbackId);
        }
        if (resolved) {
            throw RuleViolation.conflict("feedback.resolved", "The problem of feedback " + feedbackId
                    + " is resolved already", feedbackId);
        }
    }

    private void requireNotBefore(LocalDate date) {
        requireNotInFuture(date);
        if (date.isBefore(receivedOn)) {
            throw RuleViolation.unprocessable("feedback.date-before-received", "The date " + date + " is before the "
                    + "feedback came in (" + receivedOn + ")", date, receivedOn);
        }
    }

    private static void requireNotInFuture(LocalDate date) {
        if (date.isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("feedback.date-in-future", "The date " + date + " is in the future",
                    date);
        }
    }

    @EventSourcingHandler
    void on(FeedbackRecorded event) {
        feedbackId = event.feedbackId();
        servicePointId = event.servicePointId();
        receivedOn = event.receivedOn();
        problemRaised = event.problemRaised();
    }

    @EventSourcingHandler
    void on(FeedbackResolved event) {
        resolved = true;
    }
}
