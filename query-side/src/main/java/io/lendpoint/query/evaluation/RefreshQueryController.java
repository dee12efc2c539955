package io.lendpoint.query.evaluation;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.operations.RefreshPlanView;
import io.lendpoint.api.operations.RefreshPlansQuery;
import io.lendpoint.api.operations.RefreshProposal;
import io.lendpoint.api.operations.RefreshProposalQuery;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** §6.2 refresh over HTTP: the plans (what is due) and a point's proposed exchange with its figures. */
@RestController
@Tag(name = "Refresh (queries)")
class RefreshQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    RefreshQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/api/refresh-plans")
    @Operation(summary = "§6.2 refresh plans, earliest due first; withinDays: only those due within so many days")
    public List<RefreshPlanView> plans(@RequestParam(required = false) String servicePointId,
                                       @RequestParam(required = false) Integer withinDays) {
        if (withinDays != null && (withinDays < 0 || withinDays > 3650)) {
            throw RuleViolation.unprocessable("refresh.within-days-out-of-range", "withinDays must be 0 to 3650",
                    withinDays);
        }
        String point = scope.narrow(servicePointId);
        return queries.query(new RefreshPlansQuery(point, withinDays),
                ResponseTypes.multipleInstancesOf(RefreshPlanView.class)).join();
    }

    @GetMapping("/api/service-points/{servicePointId}/refresh-proposal")
    @Operation(summary = "§6.2 the proposed exchange: items to send back (not lent in the window) and the class mix "
            + "to send, from the point's loans and unmet demand, with every figure")
    public RefreshProposal proposal(@PathVariable String servicePointId,
                                    @RequestParam(defaultValue = "6") int lookbackMonths) {
        scope.requireAccessTo(servicePointId);
        if (lookbackMonths < 1 || lookbackMonths > 24) {
            throw RuleViolation.unprocessable("refresh.lookback-out-of-range", "lookbackMonths must be 1 to 24",
                    lookbackMonths);
        }
        return queries.query(new RefreshProposalQuery(servicePointId, lookbackMonths),
                        ResponseTypes.optionalInstanceOf(RefreshProposal.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("servicepoint.not-found", "There is no service point "
                        + servicePointId, servicePointId));
    }
}
