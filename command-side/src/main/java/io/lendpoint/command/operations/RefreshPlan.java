package io.lendpoint.command.operations;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.RecordRefresh;
import io.lendpoint.api.operations.RefreshCarriedOut;
import io.lendpoint.api.operations.RefreshDeadline;
import io.lendpoint.api.operations.RefreshDue;
import io.lendpoint.api.operations.RefreshMissed;
import io.lendpoint.api.operations.RefreshPlanIds;
import io.lendpoint.api.operations.RefreshScheduleSet;
import io.lendpoint.api.operations.SetRefreshSchedule;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §6.2: a live point's refresh schedule (定期更新): every so many months a refresh is due. Durable deadlines announce
 * it on its due date (the proposal is then ready, see the query side) and mark it missed when the grace days pass
 * without it; carrying it out schedules the next one a period after this one's due date.
 */
@Aggregate
class RefreshPlan {

    static final String DUE = "refresh-due";
    static final String GRACE_ENDED = "refresh-grace-ended";

    @AggregateIdentifier
    private String refreshPlanId;
    private String servicePointId;
    private int everyMonths;
    private LocalDate nextDueOn;
    private int graceDays;

    RefreshPlan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetRefreshSchedule command, Standings standings, RefreshPolicy policy, DeadlineManager deadlines) {
        if (!RefreshPlanIds.forServicePoint(command.servicePointId()).equals(command.refreshPlanId())) {
            throw RuleViolation.unprocessable("refresh.plan-id-mismatch", "The refresh plan of "
                    + command.servicePointId() + " is " + RefreshPlanIds.forServicePoint(command.servicePointId()),
                    command.refreshPlanId(), command.servicePointId());
        }
        if (standings.servicePoint(command.servicePointId()).status() != ServicePointStatus.ACTIVE) {
            throw RuleViolation.conflict("refresh.point-not-live", "§6.2 refreshes are for live points; "
                    + command.servicePointId() + " is not live", command.servicePointId());
        }
        if (command.nextDueOn().isBefore(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("refresh.due-in-past", "The next refresh cannot be due in the past ("
                    + command.nextDueOn() + ")", command.nextDueOn());
        }
        if (command.everyMonths() == everyMonths && command.nextDueOn().equals(nextDueOn)) {
            return; // the schedule it has already
        }
        apply(new RefreshScheduleSet(command.refreshPlanId(), command.servicePointId(), command.everyMonths(),
                command.nextDueOn(), policy.graceDays()));
        schedule(deadlines);
    }

    @CommandHandler
    void handle(RecordRefresh command, DeadlineManager deadlines) {
        if (command.carriedOutOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("refresh.carried-out-in-future", "A refresh cannot be carried out on a "
                    + "future date (" + command.carriedOutOn() + ")", command.carriedOutOn());
        }
        if (command.carriedOutOn().isBefore(nextDueOn.minusMonths(everyMonths))) {
            throw RuleViolation.unprocessable("refresh.carried-out-before-period", "The refresh due on " + nextDueOn
                    + " cannot have been carried out on " + command.carriedOutOn() + ", before its period began",
                    command.carriedOutOn(), nextDueOn);
        }
        apply(new RefreshCarriedOut(refreshPlanId, servicePointId, nextDueOn, command.carriedOutOn(),
                !command.carriedOutOn().isAfter(nextDueOn.plusDays(graceDays)), command.newBatchId(), command.note(),
                nextDueOn.plusMonths(everyMonths)));
        schedule(deadlines);
    }

    /** The current due date's deadlines; earlier ones fire as stale and change nothing. */
    private void schedule(DeadlineManager deadlines) {
        deadlines.schedule(nextDueOn.atStartOfDay(LibraryTime.ZONE).toInstant(), DUE,
                new RefreshDeadline(refreshPlanId, nextDueOn));
        deadlines.schedule(nextDueOn.plusDays(graceDays + 1L).atStartOfDay(LibraryTime.ZONE).toInstant(), GRACE_ENDED,
                new RefreshDeadline(refreshPlanId, nextDueOn));
    }

    @DeadlineHandler(deadlineName = DUE)
    void due(RefreshDeadline deadline) {
        if (deadline.dueOn().equals(nextDueOn)) {
            apply(new RefreshDue(refreshPlanId, servicePointId, nextDueOn));
        }
    }

    @DeadlineHandler(deadlineName = GRACE_ENDED)
    void graceEnded(RefreshDeadline deadline) {
        if (deadline.dueOn().equals(nextDueOn)) {
            apply(new RefreshMissed(refreshPlanId, servicePointId, nextDueOn));
        }
    }

    @EventSourcingHandler
    void on(RefreshScheduleSet event) {
        refreshPlanId = event.refreshPlanId();
        servicePointId = event.servicePointId();
        everyMonths = event.everyMonths();
        nextDueOn = event.nextDueOn();
        graceDays = event.graceDays();
    }

    @EventSourcingHandler
    void on(RefreshCarriedOut event) {
        nextDueOn = event.nextDueOn();
    }
}
