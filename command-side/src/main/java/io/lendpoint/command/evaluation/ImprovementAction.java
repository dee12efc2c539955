package io.lendpoint.command.evaluation;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.evaluation.CompleteImprovement;
import io.lendpoint.api.evaluation.DropImprovement;
import io.lendpoint.api.evaluation.ImprovementCompleted;
import io.lendpoint.api.evaluation.ImprovementDropped;
import io.lendpoint.api.evaluation.ImprovementDue;
import io.lendpoint.api.evaluation.ImprovementOverdue;
import io.lendpoint.api.evaluation.ImprovementPlanned;
import io.lendpoint.api.evaluation.PlanImprovement;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §7.2: an improvement action on an evaluation finding, from plan to completion (with its outcome) or being dropped;
 * a durable deadline marks it overdue the day after its due date if it is still open.
 */
@Aggregate
class ImprovementAction {

    static final String DUE = "improvement-due";

    private enum State { OPEN, COMPLETED, DROPPED }

    @AggregateIdentifier
    private String actionId;
    private String servicePointId;
    private LocalDate dueOn;
    private State state;

    ImprovementAction() {
        // for Axon
    }

    @CommandHandler
    ImprovementAction(PlanImprovement command, Standings standings, DeadlineManager deadlines) {
        if (!standings.servicePoint(command.servicePointId()).approved()) {
            throw RuleViolation.conflict("improvement.point-not-served", "Service point " + command.servicePointId()
                    + " is not one the library serves", command.servicePointId());
        }
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw RuleViolation.unprocessable("improvement.period-reversed", "The evaluated period ends ("
                    + command.periodTo() + ") before it starts (" + command.periodFrom() + ")", command.periodFrom(),
                    command.periodTo());
        }
        LocalDate today = LibraryTime.today(GenericEventMessage.clock);
        if (command.dueOn().isBefore(today)) {
            throw RuleViolation.unprocessable("improvement.due-in-past", "The due date " + command.dueOn()
                    + " has passed", command.dueOn());
        }
        apply(new ImprovementPlanned(command.actionId(), command.servicePointId(), command.periodFrom(),
                command.periodTo(), command.metricCode(), command.finding(), command.action(), command.owner(),
                command.dueOn()));
        deadlines.schedule(command.dueOn().plusDays(1).atStartOfDay(LibraryTime.ZONE).toInstant(), DUE,
                new ImprovementDue(command.actionId(), command.dueOn()));
    }

    @CommandHandler
    void handle(CompleteImprovement command) {
        requireOpen("complete");
        if (command.completedOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("improvement.completed-in-future", "The date " + command.completedOn()
                    + " is in the future", command.completedOn());
        }
        apply(new ImprovementCompleted(actionId, servicePointId, command.outcome(), command.completedOn(),
                command.completedOn().isAfter(dueOn)));
    }

    @CommandHandler
    void handle(DropImprovement command) {
        requireOpen("drop");
        apply(new ImprovementDropped(actionId, servicePointId, command.reason()));
    }

    @DeadlineHandler(deadlineName = DUE)
    void on(ImprovementDue due) {
        if (state == State.OPEN && due.dueOn().equals(dueOn)) {
            apply(new ImprovementOverdue(actionId, servicePointId, dueOn));
        }
    }

    private void requireOpen(String action) {
        if (state != State.OPEN) {
            throw RuleViolation.conflict("improvement.not-open", "Improvement action " + actionId + " is " + state
                    + "; cannot " + action + " it", actionId, state);
        }
    }

    @EventSourcingHandler
    void on(ImprovementPlanned event) {
        actionId = event.actionId();
        servicePointId = event.servicePointId();
        dueOn = event.dueOn();
        state = State.OPEN;
    }

    @EventSourcingHandler
    void on(ImprovementCompleted event) {
        state = State.COMPLETED;
    }

    @EventSourcingHandler
    void on(ImprovementDropped event) {
        state = State.DROPPED;
    }
}
