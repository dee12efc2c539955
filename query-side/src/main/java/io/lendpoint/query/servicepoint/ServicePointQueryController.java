package io.lendpoint.query.servicepoint;

import io.lendpoint.query.Paging;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.ServicePointDashboard;
import io.lendpoint.api.servicepoint.ServicePointDashboardQuery;
import io.lendpoint.api.servicepoint.ServicePointDetail;
import io.lendpoint.api.servicepoint.ServicePointDetailQuery;
import io.lendpoint.api.servicepoint.ServicePointListQuery;
import io.lendpoint.api.servicepoint.ServicePointPage;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Service-point queries over HTTP; a service-point manager sees its own point only. */
@RestController
@RequestMapping("/api/service-points")
@Tag(name = "Service points (queries)", description = "list, detail with history, dashboard")
class ServicePointQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    ServicePointQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping
    @Operation(summary = "Service points, filtered, sorted and paged",
            description = "text matches name, credit code, district or street; sort is one of NAME, APPLIED_AT, "
                    + "UPDATED_AT, STATUS, DISTRICT; names and districts sort by pinyin (禅城区, 南海区, 顺德区)")
    public ServicePointPage list(@RequestParam(required = false) ServicePointStatus status,
                                 @RequestParam(required = false) InstitutionKind kind,
                                 @RequestParam(required = false) String district,
                                 @RequestParam(required = false) String text,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(defaultValue = "APPLIED_AT") ServicePointListQuery.SortKey sort,
                                 @RequestParam(defaultValue = "false") boolean descending) {
        Paging.check(page, size);
        if ((text != null && text.length() > 100) || (district != null && district.length() > 40)) {
            throw RuleViolation.unprocessable("query.filter-too-long", "text may have at most 100 characters, "
                    + "district at most 40");
        }
        ServicePointListQuery query = new ServicePointListQuery(status, kind, district, text,
                scope.restriction().orElse(null), page, size, sort, descending);
        return queries.query(query, ServicePointPage.class).join();
    }

    @GetMapping("/{servicePointId}")
    @Operation(summary = "One service point with its inspections and full status history")
    public ServicePointDetail detail(@PathVariable String servicePointId) {
        scope.requireAccessTo(servicePointId);
        return queries.query(new ServicePointDetailQuery(servicePointId),
                        ResponseTypes.optionalInstanceOf(ServicePointDetail.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("servicepoint.not-found",
                        "There is no service point " + servicePointId, servicePointId));
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "Counts of service points by status and kind, city-wide or for one district")
    public ServicePointDashboard dashboard(@RequestParam(required = false) String district) {
        return queries.query(new ServicePointDashboardQuery(district), ServicePointDashboard.class).join();
    }
}
