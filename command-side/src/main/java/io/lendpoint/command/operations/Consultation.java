package io.lendpoint.command.operations;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.AnswerDue;
import io.lendpoint.api.operations.AnswerQuestion;
import io.lendpoint.api.operations.AskQuestion;
import io.lendpoint.api.operations.ConsultationOverdue;
import io.lendpoint.api.operations.QuestionAnswered;
import io.lendpoint.api.operations.QuestionAsked;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §6.1: one question a point's staff asked the library (咨询), from asking to answer. The answer is due within the
 * library's service level; a durable deadline marks the question overdue if it is still open then, and the answer
 * records its response time and whether it came in time.
 */
@Aggregate
class Consultation {

    static final String ANSWER_DUE = "consultation-answer-due";

    @AggregateIdentifier
    private String consultationId;
    private String servicePointId;
    private Instant askedAt;
    private Instant answerDueBy;
    private boolean answered;
    private boolean overdue;

    Consultation() {
        // for Axon
    }

    @CommandHandler
    Consultation(AskQuestion command, Standings standings, ConsultationPolicy policy, DeadlineManager deadlines) {
        ServicePointStatus status = standings.servicePoint(command.servicePointId()).status();
        if (status == null) {
            throw RuleViolation.notFound("consultation.point-unknown", "There is no service point "
                    + command.servicePointId(), command.servicePointId());
        }
        if (status == ServicePointStatus.REJECTED) {
            throw RuleViolation.conflict("consultation.point-rejected", "Service point " + command.servicePointId()
                    + " was rejected; it gets no consultation service", command.servicePointId());
        }
        Instant now = GenericEventMessage.clock.instant();
        Instant asked = command.askedAt() == null ? now : command.askedAt();
        if (asked.isAfter(now)) {
            throw RuleViolation.unprocessable("consultation.asked-in-future", "A question cannot be asked in the "
                    + "future (" + asked + ")", asked);
        }
        Instant due = asked.plus(policy.answerWithin());
        apply(new QuestionAsked(command.consultationId(), command.servicePointId(), command.channel(),
                command.question(), command.askedBy(), asked, due));
        if (due.isAfter(now)) {
            deadlines.schedule(due, ANSWER_DUE, new AnswerDue(command.consultationId(), due));
        } else {
            apply(new ConsultationOverdue(command.consultationId(), command.servicePointId(), due)); // logged late
        }
    }

    @CommandHandler
    void handle(AnswerQuestion command) {
        if (answered) {
            throw RuleViolation.conflict("consultation.answered", "Consultation " + consultationId
                    + " is answered already", consultationId);
        }
        Instant now = GenericEventMessage.clock.instant();
        apply(new QuestionAnswered(consultationId, servicePointId, command.answer(), command.answeredBy(), now,
                Duration.between(askedAt, now).toMinutes(), !now.isAfter(answerDueBy)));
    }

    @DeadlineHandler(deadlineName = ANSWER_DUE)
    void on(AnswerDue due) {
        if (!answered && !overdue && due.answerDueBy().equals(answerDueBy)) {
            apply(new ConsultationOverdue(consultationId, servicePointId, answerDueBy));
        }
    }

    @EventSourcingHandler
    void on(QuestionAsked event) {
        consultationId = event.consultationId();
        servicePointId = event.servicePointId();
        askedAt = event.askedAt();
        answerDueBy = event.answerDueBy();
    }

    @EventSourcingHandler
    void on(QuestionAnswered event) {
        answered = true;
    }

    @EventSourcingHandler
    void on(ConsultationOverdue event) {
        overdue = true;
    }
}
