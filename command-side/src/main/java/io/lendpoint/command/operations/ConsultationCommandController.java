package io.lendpoint.command.operations;

import io.lendpoint.api.operations.AnswerQuestion;
import io.lendpoint.api.operations.AskQuestion;
import io.lendpoint.api.operations.ConsultationChannel;
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
import java.time.Instant;
import java.util.UUID;

/** §6.1 consultations over HTTP: a point's staff (or library staff on their behalf) ask; library staff answer. */
@RestController
@Tag(name = "Consultations (commands)", description = "§6.1: questions from points and the library's answers")
class ConsultationCommandController {

    private final CommandGateway commands;
    private final PointScope scope;

    ConsultationCommandController(CommandGateway commands, PointScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping("/api/service-points/{servicePointId}/consultations")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§6.1 ask the library a question (askedAt: when it came in, e.g. a phone call logged later; "
            + "now when absent)", description = "consultationId is optional; when given (a safe retry) it must be new")
    public ResponseEntity<Created> ask(@PathVariable String servicePointId, @RequestBody Question body) {
        scope.requireAccessTo(servicePointId);
        String id = body.consultationId() != null ? body.consultationId() : "cq-" + UUID.randomUUID();
        String askedBy = body.askedBy() != null ? body.askedBy() : scope.currentUserName();
        commands.sendAndWait(new AskQuestion(id, servicePointId, body.channel(), body.question(), askedBy,
                body.askedAt()));
        return ResponseEntity.created(URI.create("/api/consultations/" + id)).body(new Created(id));
    }

    @PostMapping("/api/consultations/{consultationId}/answer")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.1 answer a point's question (answeredBy defaults to the signed-in user)")
    public ResponseEntity<Void> answer(@PathVariable String consultationId, @RequestBody Answer body) {
        String answeredBy = body.answeredBy() != null ? body.answeredBy() : scope.currentUserName();
        commands.sendAndWait(new AnswerQuestion(consultationId, body.answer(), answeredBy));
        return ResponseEntity.noContent().build();
    }

    record Question(String consultationId, ConsultationChannel channel, String question, String askedBy,
                    Instant askedAt) {
    }

    record Answer(String answer, String answeredBy) {
    }

    record Created(String id) {
    }
}
