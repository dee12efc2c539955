package io.lendpoint.query.evaluation;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.evaluation.EvaluationRanking;
import io.lendpoint.api.evaluation.EvaluationRankingQuery;
import io.lendpoint.api.evaluation.PointEvaluation;
import io.lendpoint.api.evaluation.PointEvaluationQuery;
import io.lendpoint.api.evaluation.ImprovementListQuery;
import io.lendpoint.api.evaluation.ImprovementPage;
import io.lendpoint.query.Paging;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** §7.1, §7.2 over HTTP: a point's evaluation (a manager: its own point's), the ranking, improvement actions. */
@RestController
@Tag(name = "Evaluation", description = "§7.1: performance evaluation of service points")
class EvaluationController {

    private final QueryGateway queries;
    private final PointScope scope;

    EvaluationController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/evaluations/service-points/{servicePointId}")
    @Operation(summary = "§7.1 a point's evaluation: every metric with formula, counts and trend; the composite score",
            description = "period: 2026 (year), 2026-Q3 (quarter), 2026-11 (month); or from and to (inclusive)")
    public PointEvaluation point(@PathVariable String servicePointId, @RequestParam(required = false) String period,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        scope.requireAccessTo(servicePointId);
        EvaluationPeriod range = EvaluationPeriod.of(period, from, to);
        return queries.query(new PointEvaluationQuery(servicePointId, range.from(), range.to()),
                        ResponseTypes.optionalInstanceOf(PointEvaluation.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("servicepoint.not-found", "There is no service point "
                        + servicePointId, servicePointId));
    }

    @GetMapping("/api/improvements")
    @Operation(summary = "§7.2 improvement actions, earliest due first; open=true the open ones, overdue=true those "
            + "past their due date; a manager sees its own point's")
    public ImprovementPage improvements(@RequestParam(required = false) String servicePointId,
                                        @RequestParam(defaultValue = "false") boolean open,
                                        @RequestParam(defaultValue = "false") boolean overdue,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        String point = servicePointId != null ? servicePointId : scope.restriction().orElse(null);
        if (point != null) {
            scope.requireAccessTo(point);
        }
        return queries.query(new ImprovementListQuery(point, open, overdue, page, size), ImprovementPage.class).join();
    }

    @GetMapping("/api/evaluations/ranking")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "§7.1 points ranked by composite score with their trend; district narrows to one district")
    public EvaluationRanking ranking(@RequestParam(required = false) String period,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) String district) {
        EvaluationPeriod range = EvaluationPeriod.of(period, from, to);
        if (district != null && district.length() > 40) {
            throw RuleViolation.unprocessable("query.filter-too-long", "district has at most 40 characters");
        }
        return queries.query(new EvaluationRankingQuery(range.from(), range.to(), district), EvaluationRanking.class)
                .join();
    }
}
