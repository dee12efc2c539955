package io.lendpoint.command.operations;

import io.lendpoint.api.operations.AnswerQuestionnaire;
import io.lendpoint.api.operations.CloseQuestionnaire;
import io.lendpoint.api.operations.DefineQuestionnaire;
import io.lendpoint.api.operations.Question;
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
import java.util.Map;
import java.util.UUID;

/** §6.3 questionnaires over HTTP: the library defines and closes them; points (or staff for them) answer. */
@RestController
@Tag(name = "Questionnaires (commands)", description = "§6.3: questionnaire surveys")
class QuestionnaireCommandController {

    private final CommandGateway commands;
    private final PointScope scope;

    QuestionnaireCommandController(CommandGateway commands, PointScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping("/api/questionnaires")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.3 define a questionnaire: 1–5 scales, single choices, free text; one 1–5 question may "
            + "be the overall satisfaction", description = "questionnaireId is optional; when given it must be new")
    public ResponseEntity<Created> define(@RequestBody Definition body) {
        String id = body.questionnaireId() != null ? body.questionnaireId() : "qn-" + UUID.randomUUID();
        commands.sendAndWait(new DefineQuestionnaire(id, body.title(), body.questions()));
        return ResponseEntity.created(URI.create("/api/questionnaires/" + id)).body(new Created(id));
    }

    @PostMapping("/api/questionnaires/{questionnaireId}/responses")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','POINT_MANAGER')")
    @Operation(summary = "§6.3 a point's response: answers by question id",
            description = "responseId is optional; when given (a safe retry) it must be new")
    public ResponseEntity<Created> answer(@PathVariable String questionnaireId, @RequestBody Response body) {
        scope.requireAccessTo(body.servicePointId());
        String id = body.responseId() != null ? body.responseId() : "qr-" + UUID.randomUUID();
        commands.sendAndWait(new AnswerQuestionnaire(questionnaireId, id, body.servicePointId(), body.answeredOn(),
                body.respondent(), body.answers()));
        return ResponseEntity.created(URI.create("/api/questionnaires/" + questionnaireId + "/results"))
                .body(new Created(id));
    }

    @PostMapping("/api/questionnaires/{questionnaireId}/closing")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF')")
    @Operation(summary = "§6.3 close a questionnaire: no more answers")
    public ResponseEntity<Void> close(@PathVariable String questionnaireId) {
        commands.sendAndWait(new CloseQuestionnaire(questionnaireId));
        return ResponseEntity.noContent().build();
    }

    record Definition(String questionnaireId, String title, List<Question> questions) {
    }

    record Response(String responseId, String servicePointId, LocalDate answeredOn, String respondent,
                    Map<String, String> answers) {
    }

    record Created(String id) {
    }
}
