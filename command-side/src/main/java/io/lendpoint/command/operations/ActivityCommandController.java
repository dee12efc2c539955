package io.lendpoint.command.operations;

import io.lendpoint.api.operations.ActivityKind;
import io.lendpoint.api.operations.ApproveActivity;
import io.lendpoint.api.operations.Attachment;
import io.lendpoint.api.operations.CancelActivity;
import io.lendpoint.api.operations.ProposeActivity;
import io.lendpoint.api.operations.RecordActivityHeld;
import io.lendpoint.platform.security.PointScope;
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
import java.util.List;
import java.util.UUID;

/** §6.4 cooperation activities over HTTP: a point or the library proposes; the library approves, records, cancels. */
@RestController
@Tag(name = "Cooperation activities (commands)", description = "§6.4: reading promotion, party-building, trade union")
class ActivityCommandController {

    private final CommandGateway commands;
    private final PointScope scope;

    ActivityCommandController(CommandGateway commands, PointScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping("/api/service-points/{servicePointId}/activities")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§6.4 propose a joint activity at the point",
            description = "activityId is optional; when given (a safe retry) it must be new")
    public ResponseEntity<Created> propose(@PathVariable String servicePointId, @RequestBody Proposal body) {
        scope.requireAccessTo(servicePointId);
        String id = body.activityId() != null ? body.activityId() : "ac-" + UUID.randomUUID();
        commands.sendAndWait(new ProposeActivity(id, servicePointId, body.kind(), body.title(), body.plannedOn(),
                body.description(), scope.currentUserName()));
        return ResponseEntity.created(URI.create("/api/activities/" + id)).body(new Created(id));
    }

    @PostMapping("/api/activities/{activityId}/approval")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.4 approve a proposed activity with the resources the library promises")
    public ResponseEntity<Void> approve(@PathVariable String activityId, @RequestBody(required = false) Approval body) {
        commands.sendAndWait(new ApproveActivity(activityId, body == null ? null : body.resourcesPromised()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/activities/{activityId}/held")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.4 record the activity as held: participants, resources provided, photos and documents")
    public ResponseEntity<Void> held(@PathVariable String activityId, @RequestBody Held body) {
        commands.sendAndWait(new RecordActivityHeld(activityId, body.heldOn(), body.participants(),
                body.resourcesProvided(), body.attachments()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/activities/{activityId}/cancellation")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.4 call a proposed or approved activity off, with the reason")
    public ResponseEntity<Void> cancel(@PathVariable String activityId, @RequestBody Cancellation body) {
        commands.sendAndWait(new CancelActivity(activityId, body.reason()));
        return ResponseEntity.noContent().build();
    }

    record Proposal(String activityId, ActivityKind kind, String title, LocalDate plannedOn, String description) {
    }

    record Approval(List<String> resourcesPromised) {
    }

    record Held(LocalDate heldOn, Integer participants, List<String> resourcesProvided, List<Attachment> attachments) {
    }

    record Cancellation(String reason) {
    }

    record Created(String id) {
    }
}
