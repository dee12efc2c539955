package io.lendpoint.query.operations;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.ConsultationDetailQuery;
import io.lendpoint.api.operations.ConsultationListQuery;
import io.lendpoint.api.operations.ConsultationPage;
import io.lendpoint.api.operations.ConsultationView;
import io.lendpoint.platform.security.PointScope;
import io.lendpoint.query.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** §6.1 consultations over HTTP; a service-point manager sees its own point's only. */
@RestController
@Tag(name = "Consultations (queries)")
class ConsultationQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    ConsultationQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/consultations")
    @Operation(summary = "§6.1 consultations: open=true the unanswered ones (oldest first), overdue=true those past "
            + "the service level; else all, newest first; servicePointId narrows to one point")
    public ConsultationPage list(@RequestParam(required = false) String servicePointId,
                                 @RequestParam(defaultValue = "false") boolean open,
                                 @RequestParam(defaultValue = "false") boolean overdue,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        String point = scope.narrow(servicePointId);
        return queries.query(new ConsultationListQuery(point, open, overdue, page, size), ConsultationPage.class)
                .join();
    }

    @GetMapping("/api/consultations/{consultationId}")
    @Operation(summary = "§6.1 one consultation with its answer and response time")
    public ConsultationView detail(@PathVariable String consultationId) {
        ConsultationView view = queries.query(new ConsultationDetailQuery(consultationId),
                        ResponseTypes.optionalInstanceOf(ConsultationView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("consultation.not-found", "No consultation "
                        + consultationId, consultationId));
        scope.requireAccessTo(view.servicePointId());
        return view;
    }
}
