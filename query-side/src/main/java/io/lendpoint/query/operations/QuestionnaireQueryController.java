package io.lendpoint.query.operations;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.QuestionnaireResults;
import io.lendpoint.api.operations.QuestionnaireResultsQuery;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** §6.3 questionnaire results over HTTP; a service-point manager sees its own point's answers only. */
@RestController
@Tag(name = "Questionnaires (queries)")
class QuestionnaireQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    QuestionnaireQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/questionnaires/{questionnaireId}/results")
    @Operation(summary = "§6.3 answers aggregated per question (mean and counts of a scale, counts per option, "
            + "latest text answers); servicePointId narrows to one point")
    public QuestionnaireResults results(@PathVariable String questionnaireId,
                                        @RequestParam(required = false) String servicePointId) {
        String point = scope.narrow(servicePointId);
        return queries.query(new QuestionnaireResultsQuery(questionnaireId, point),
                        ResponseTypes.optionalInstanceOf(QuestionnaireResults.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("questionnaire.not-found", "No questionnaire "
                        + questionnaireId, questionnaireId));
    }
}
