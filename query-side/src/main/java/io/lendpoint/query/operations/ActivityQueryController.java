package io.lendpoint.query.operations;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.ActivityDetailQuery;
import io.lendpoint.api.operations.ActivityListQuery;
import io.lendpoint.api.operations.ActivityPage;
import io.lendpoint.api.operations.ActivityView;
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

import java.util.Set;

/** §6.4 cooperation activities over HTTP; a service-point manager sees its own point's only. */
@RestController
@Tag(name = "Cooperation activities (queries)")
class ActivityQueryController {

    private static final Set<String> STATUSES = Set.of("PROPOSED", "APPROVED", "HELD", "CANCELLED");

    private final QueryGateway queries;
    private final PointScope scope;

    ActivityQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/activities")
    @Operation(summary = "§6.4 activities, latest planned first; status is PROPOSED, APPROVED, HELD or CANCELLED")
    public ActivityPage list(@RequestParam(required = false) String servicePointId,
                             @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw RuleViolation.unprocessable("query.status-unknown", "status must be one of " + STATUSES,
                    new java.util.TreeSet<>(STATUSES), status);
        }
        String point = scope.narrow(servicePointId);
        return queries.query(new ActivityListQuery(point, status, page, size), ActivityPage.class).join();
    }

    @GetMapping("/api/activities/{activityId}")
    @Operation(summary = "§6.4 one activity with participants, resources and attachments")
    public ActivityView detail(@PathVariable String activityId) {
        ActivityView view = queries.query(new ActivityDetailQuery(activityId),
                        ResponseTypes.optionalInstanceOf(ActivityView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("activity.not-found", "No activity " + activityId,
                        activityId));
        scope.requireAccessTo(view.servicePointId());
        return view;
    }
}
