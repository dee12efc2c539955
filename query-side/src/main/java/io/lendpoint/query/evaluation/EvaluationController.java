package io.lendpoint.query.evaluation;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.evaluation.AreaEvaluationQuery;
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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    @GetMapping("/api/evaluations/service-points/{servicePointId}/export")
    @Operation(summary = "§7.1 a point's evaluation as CSV or XLSX (format=csv|xlsx)")
    public ResponseEntity<byte[]> pointExport(@PathVariable String servicePointId,
                                              @RequestParam(required = false) String period,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(defaultValue = "xlsx") String format) throws IOException {
        PointEvaluation evaluation = point(servicePointId, period, from, to);
        return download(EvaluationExport.rows(evaluation), format, "evaluation-" + servicePointId + "-"
                + evaluation.from() + "-" + evaluation.to());
    }

    @GetMapping(path = "/api/evaluations/service-points/{servicePointId}/report", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "§7.1 a point's evaluation report (HTML, printable): charts of the metric scores and of the "
            + "composite over the last four periods of the same length, and every metric with its formula")
    public String report(@PathVariable String servicePointId, @RequestParam(required = false) String period,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        scope.requireAccessTo(servicePointId);
        EvaluationPeriod range = EvaluationPeriod.of(period, from, to);
        long days = java.time.temporal.ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        List<PointEvaluation> periods = new ArrayList<>();
        for (int back = 3; back >= 0; back--) {
            LocalDate start = range.from().minusDays(days * back);
            periods.add(point(servicePointId, null, start, start.plusDays(days - 1)));
        }
        return EvaluationReport.html(periods);
    }

    @GetMapping("/api/evaluations/city")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "§7.1 the whole city evaluated as one (all points' facts), with the same metrics")
    public PointEvaluation city(@RequestParam(required = false) String period,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        EvaluationPeriod range = EvaluationPeriod.of(period, from, to);
        return queries.query(new AreaEvaluationQuery(null, range.from(), range.to()), PointEvaluation.class).join();
    }

    @GetMapping("/api/evaluations/districts/{district}")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "§7.1 one district evaluated as one (its points' facts)")
    public PointEvaluation district(@PathVariable String district, @RequestParam(required = false) String period,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        EvaluationPeriod range = EvaluationPeriod.of(period, from, to);
        if (district.length() > 40) {
            throw RuleViolation.unprocessable("query.filter-too-long", "district has at most 40 characters");
        }
        return queries.query(new AreaEvaluationQuery(district, range.from(), range.to()), PointEvaluation.class).join();
    }

    @GetMapping("/api/evaluations/ranking/export")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "§7.1 the ranking as CSV or XLSX (format=csv|xlsx)")
    public ResponseEntity<byte[]> rankingExport(@RequestParam(required = false) String period,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                @RequestParam(required = false) String district,
                                                @RequestParam(defaultValue = "xlsx") String format) throws IOException {
        EvaluationRanking ranking = ranking(period, from, to, district);
        return download(EvaluationExport.rows(ranking), format, "ranking-" + ranking.from() + "-" + ranking.to());
    }

    @GetMapping(path = "/api/evaluations/ranking/chart", produces = "image/svg+xml")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "§7.1 the city-wide (or a district's) ranking as a bar chart (SVG)")
    public String rankingChart(@RequestParam(required = false) String period,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String district) {
        return EvaluationCharts.ranking(ranking(period, from, to, district));
    }

    private static ResponseEntity<byte[]> download(List<List<Object>> rows, String format, String name)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        if ("csv".equals(format)) {
            EvaluationExport.writeCsv(rows, out);
            type = new MediaType("text", "csv", StandardCharsets.UTF_8);
        } else if ("xlsx".equals(format)) {
            EvaluationExport.writeXlsx(rows, "evaluation", out);
            type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        } else {
            throw RuleViolation.unprocessable("query.format-unknown", "format must be csv or xlsx", format);
        }
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename(name + "." + format).build().toString()).body(out.toByteArray());
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
        String point = scope.narrow(servicePointId);
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
