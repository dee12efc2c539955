package io.lendpoint.command.operations;

import io.lendpoint.api.operations.Attendee;
import io.lendpoint.api.operations.CancelTraining;
import io.lendpoint.api.operations.RecordTrainingHeld;
import io.lendpoint.api.operations.ScheduleTraining;
import io.lendpoint.api.operations.TrainingKind;
import io.lendpoint.api.operations.TrainingMaterial;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** §6.1, A.1.4 training sessions over HTTP: library staff plan them, record them as held, or call them off. */
@RestController
@RequestMapping("/api/trainings")
@PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
@Tag(name = "Training (commands)", description = "§6.1, A.1.4: training of the points' staff")
class TrainingCommandController {

    private final CommandGateway commands;

    TrainingCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "§6.1, A.1.4 plan a training for the staff of approved or live points",
            description = "trainingId is optional; when given (a safe retry) it must be new")
    public ResponseEntity<Created> schedule(@RequestBody Plan body) {
        String id = body.trainingId() != null ? body.trainingId() : "tr-" + UUID.randomUUID();
        commands.sendAndWait(new ScheduleTraining(id, body.topic(), body.kind(), body.plannedOn(), body.trainer(),
                body.servicePointIds(), body.materials()));
        return ResponseEntity.created(URI.create("/api/trainings/" + id)).body(new Created(id));
    }

    @PostMapping("/{trainingId}/held")
    @Operation(summary = "§6.1, A.1.4 record the training as held: attendees from invited points, materials")
    public ResponseEntity<Void> held(@PathVariable String trainingId, @RequestBody Held body) {
        commands.sendAndWait(new RecordTrainingHeld(trainingId, body.heldOn(), body.attendees(), body.materials()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{trainingId}/cancellation")
    @Operation(summary = "§6.1 call a planned training off, with the reason")
    public ResponseEntity<Void> cancel(@PathVariable String trainingId, @RequestBody Cancellation body) {
        commands.sendAndWait(new CancelTraining(trainingId, body.reason()));
        return ResponseEntity.noContent().build();
    }

    record Plan(String trainingId, String topic, TrainingKind kind, LocalDate plannedOn, String trainer,
                List<String> servicePointIds, List<TrainingMaterial> materials) {
    }

    record Held(LocalDate heldOn, List<Attendee> attendees, List<TrainingMaterial> materials) {
    }

    record Cancellation(String reason) {
    }

    record Created(String id) {
    }
}
