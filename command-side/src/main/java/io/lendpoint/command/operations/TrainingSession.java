package io.lendpoint.command.operations;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.Attendee;
import io.lendpoint.api.operations.CancelTraining;
import io.lendpoint.api.operations.RecordTrainingHeld;
import io.lendpoint.api.operations.ScheduleTraining;
import io.lendpoint.api.operations.TrainingCancelled;
import io.lendpoint.api.operations.TrainingHeld;
import io.lendpoint.api.operations.TrainingScheduled;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §6.1, A.1.4: a training session the library gives the staff of some approved or live points: planned, then held
 * (with who came from which point) or called off.
 */
@Aggregate
class TrainingSession {

    private enum State { SCHEDULED, HELD, CANCELLED }

    @AggregateIdentifier
    private String trainingId;
    private State state;
    private Set<String> invited = new HashSet<>();

    TrainingSession() {
        // for Axon
    }

    @CommandHandler
    TrainingSession(ScheduleTraining command, Standings standings) {
        LinkedHashSet<String> points = new LinkedHashSet<>(command.servicePointIds());
        List<String> notApproved = points.stream()
                .filter(point -> !standings.servicePoint(point).approved()).toList();
        if (!notApproved.isEmpty()) {
            throw RuleViolation.conflict("training.point-not-approved", "§6.1 training is for the staff of approved "
                    + "or live points; not approved: " + notApproved, notApproved);
        }
        apply(new TrainingScheduled(command.trainingId(), command.topic(), command.kind(), command.plannedOn(),
                command.trainer(), List.copyOf(points), command.materials() == null ? List.of()
                : List.copyOf(command.materials())));
    }

    @CommandHandler
    void handle(RecordTrainingHeld command) {
        requireScheduled("record as held");
        if (command.heldOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("training.held-in-future", "A training cannot be held on a future date ("
                    + command.heldOn() + ")", command.heldOn());
        }
        List<String> strangers = command.attendees().stream().map(Attendee::servicePointId)
                .filter(point -> !invited.contains(point)).distinct().toList();
        if (!strangers.isEmpty()) {
            throw RuleViolation.unprocessable("training.attendee-not-invited", "Attendees from points not invited: "
                    + strangers, strangers);
        }
        Set<String> seen = new HashSet<>();
        List<String> twice = command.attendees().stream()
                .filter(attendee -> !seen.add(attendee.servicePointId() + "/" + attendee.name()))
                .map(Attendee::name).toList();
        if (!twice.isEmpty()) {
            throw RuleViolation.unprocessable("training.attendee-repeated", "Listed twice: " + twice, twice);
        }
        apply(new TrainingHeld(trainingId, command.heldOn(), List.copyOf(command.attendees()),
                command.materials() == null ? null : List.copyOf(command.materials())));
    }

    @CommandHandler
    void handle(CancelTraining command) {
        requireScheduled("cancel");
        apply(new TrainingCancelled(trainingId, command.reason()));
    }

    private void requireScheduled(String action) {
        if (state != State.SCHEDULED) {
            throw RuleViolation.conflict("training.not-scheduled", "Training " + trainingId + " is " + state
                    + "; cannot " + action + " it", trainingId, state);
        }
    }

    @EventSourcingHandler
    void on(TrainingScheduled event) {
        trainingId = event.trainingId();
        state = State.SCHEDULED;
        invited.addAll(event.servicePointIds());
    }

    @EventSourcingHandler
    void on(TrainingHeld event) {
        state = State.HELD;
    }

    @EventSourcingHandler
    void on(TrainingCancelled event) {
        state = State.CANCELLED;
    }
}
