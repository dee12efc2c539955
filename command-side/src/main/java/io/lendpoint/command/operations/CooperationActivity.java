package io.lendpoint.command.operations;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.ActivityApproved;
import io.lendpoint.api.operations.ActivityCancelled;
import io.lendpoint.api.operations.ActivityHeld;
import io.lendpoint.api.operations.ActivityProposed;
import io.lendpoint.api.operations.ApproveActivity;
import io.lendpoint.api.operations.CancelActivity;
import io.lendpoint.api.operations.ProposeActivity;
import io.lendpoint.api.operations.RecordActivityHeld;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §6.4: a cooperation activity at a live point (reading promotion, party-building or trade-union exchange):
 * proposed, approved by the library with the resources it promises, then held (participants, resources provided,
 * attachments) or called off.
 */
@Aggregate
class CooperationActivity {

    private enum State { PROPOSED, APPROVED, HELD, CANCELLED }

    @AggregateIdentifier
    private String activityId;
    private String servicePointId;
    private State state;

    CooperationActivity() {
        // for Axon
    }

    @CommandHandler
    CooperationActivity(ProposeActivity command, Standings standings) {
        if (!standings.servicePoint(command.servicePointId()).approved()) {
            throw RuleViolation.conflict("activity.point-not-approved", "§6.4 activities are held with approved or "
                    + "live points; " + command.servicePointId() + " is not one", command.servicePointId());
        }
        apply(new ActivityProposed(command.activityId(), command.servicePointId(), command.kind(), command.title(),
                command.plannedOn(), command.description(), command.proposedBy()));
    }

    @CommandHandler
    void handle(ApproveActivity command) {
        require(State.PROPOSED, "approve");
        apply(new ActivityApproved(activityId, servicePointId, command.resourcesPromised() == null ? List.of()
                : List.copyOf(command.resourcesPromised())));
    }

    @CommandHandler
    void handle(RecordActivityHeld command) {
        require(State.APPROVED, "record as held");
        if (command.heldOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("activity.held-in-future", "An activity cannot be held on a future date ("
                    + command.heldOn() + ")", command.heldOn());
        }
        apply(new ActivityHeld(activityId, servicePointId, command.heldOn(), command.participants(),
                command.resourcesProvided() == null ? List.of() : List.copyOf(command.resourcesProvided()),
                command.attachments() == null ? List.of() : List.copyOf(command.attachments())));
    }

    @CommandHandler
    void handle(CancelActivity command) {
        if (state != State.PROPOSED && state != State.APPROVED) {
            throw wrongState("cancel");
        }
        apply(new ActivityCancelled(activityId, servicePointId, command.reason()));
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw wrongState(action);
        }
    }

    private RuleViolation wrongState(String action) {
        return RuleViolation.conflict("activity.wrong-state", "Activity " + activityId + " is " + state + "; cannot "
                + action + " it", activityId, state);
    }

    @EventSourcingHandler
    void on(ActivityProposed event) {
        activityId = event.activityId();
        servicePointId = event.servicePointId();
        state = State.PROPOSED;
    }

    @EventSourcingHandler
    void on(ActivityApproved event) {
        state = State.APPROVED;
    }

    @EventSourcingHandler
    void on(ActivityHeld event) {
        state = State.HELD;
    }

    @EventSourcingHandler
    void on(ActivityCancelled event) {
        state = State.CANCELLED;
    }
}
