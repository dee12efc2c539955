package io.lendpoint.command.evaluation;

import io.lendpoint.api.evaluation.CompleteImprovement;
import io.lendpoint.api.evaluation.DropImprovement;
import io.lendpoint.api.evaluation.PlanImprovement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** §7.2 improvement actions over HTTP: library staff plan them on evaluation findings, complete or drop them. */
@RestController
@PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
@Tag(name = "Improvement (commands)", description = "§7.2: actions on evaluation findings")
class ImprovementCommandController {

    private final CommandGateway commands;

    ImprovementCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/service-points/{servicePointId}/improvements")
    @Operation(summary = "§7.2 plan an improvement action on a finding (evaluated period and metric)",
            description = "actionId is optional; when given (a safe retry) it must be new")
    public ResponseEntity<Created> plan(@PathVariable String servicePointId, @RequestBody Plan body) {
        String id = body.actionId() != null ? body.actionId() : "ia-" + UUID.randomUUID();
        commands.sendAndWait(new PlanImprovement(id, servicePointId, body.periodFrom(), body.periodTo(),
                body.metricCode(), body.finding(), body.action(), body.owner(), body.dueOn()));
        return ResponseEntity.created(URI.create("/api/improvements/" + id)).body(new Created(id));
    }

    @PostMapping("/api/improvements/{actionId}/completion")
    @Operation(summary = "§7.2 the action is done, with its outcome")
    public ResponseEntity<Void> complete(@PathVariable String actionId, @RequestBody Completion body) {
        commands.sendAndWait(new CompleteImprovement(actionId, body.outcome(), body.completedOn()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/improvements/{actionId}/drop")
    @Operation(summary = "§7.2 drop an open action, with the reason")
    public ResponseEntity<Void> drop(@PathVariable String actionId, @RequestBody Drop body) {
        commands.sendAndWait(new DropImprovement(actionId, body.reason()));
        return ResponseEntity.noContent().build();
    }

    record Plan(String actionId, LocalDate periodFrom, LocalDate periodTo, String metricCode, String finding,
                String action, String owner, LocalDate dueOn) {
    }

    record Completion(String outcome, LocalDate completedOn) {
    }

    record Drop(String reason) {
    }

    record Created(String id) {
    }
}
