package io.lendpoint.command.operations;

import io.lendpoint.api.operations.FeedbackChannel;
import io.lendpoint.api.operations.RecordFeedback;
import io.lendpoint.api.operations.ResolveFeedback;
import io.lendpoint.api.operations.TakeFollowUpAction;
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
import java.util.UUID;

/**
 * §6.3 feedback over HTTP: a point leaves a message or staff record a callback or visit; library staff follow raised
 * problems up until resolved.
 */
@RestController
@Tag(name = "Feedback (commands)", description = "§6.3: service tracking and feedback")
class FeedbackCommandController {

    private final CommandGateway commands;
    private final PointScope scope;

    FeedbackCommandController(CommandGateway commands, PointScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping("/api/service-points/{servicePointId}/feedback")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§6.3 record feedback: channel, date, satisfaction 1–5, problem raised, comment",
            description = "feedbackId is optional; when given (a safe retry) it must be new")
    public ResponseEntity<Created> record(@PathVariable String servicePointId, @RequestBody Received body) {
        scope.requireAccessTo(servicePointId);
        String id = body.feedbackId() != null ? body.feedbackId() : "fb-" + UUID.randomUUID();
        commands.sendAndWait(new RecordFeedback(id, servicePointId, body.channel(), body.receivedOn(),
                body.satisfaction(), body.problem(), body.comment(), body.respondent()));
        return ResponseEntity.created(URI.create("/api/feedback/" + id)).body(new Created(id));
    }

    @PostMapping("/api/feedback/{feedbackId}/follow-ups")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.3 record a follow-up step on a raised problem (takenBy defaults to the signed-in user)")
    public ResponseEntity<Void> followUp(@PathVariable String feedbackId, @RequestBody FollowUp body) {
        String by = body.takenBy() != null ? body.takenBy() : scope.currentUserName();
        commands.sendAndWait(new TakeFollowUpAction(feedbackId, body.action(), body.takenOn(), by));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/feedback/{feedbackId}/resolution")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.3 the raised problem is resolved; the time to resolve is recorded")
    public ResponseEntity<Void> resolve(@PathVariable String feedbackId, @RequestBody Resolution body) {
        commands.sendAndWait(new ResolveFeedback(feedbackId, body.resolution(), body.resolvedOn()));
        return ResponseEntity.noContent().build();
    }

    record Received(String feedbackId, FeedbackChannel channel, LocalDate receivedOn, Integer satisfaction,
                    String problem, String comment, String respondent) {
    }

    record FollowUp(String action, LocalDate takenOn, String takenBy) {
    }

    record Resolution(String resolution, LocalDate resolvedOn) {
    }

    record Created(String id) {
    }
}
