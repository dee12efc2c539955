package io.lendpoint.query.card;

import io.lendpoint.api.card.CardDetail;
import io.lendpoint.api.card.CardDetailQuery;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** §4.2.3 collective cards over HTTP; a service-point manager sees its own point's card only. */
@RestController
@RequestMapping("/api/service-points")
@Tag(name = "Collective cards (queries)", description = "card detail with capacity and masked holder")
class CardQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    CardQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/{servicePointId}/card")
    @Operation(summary = "The point's collective card: status, limit, reserved, free, reservations, masked holder "
            + "(A.6), history")
    public CardDetail detail(@PathVariable String servicePointId) {
        scope.requireAccessTo(servicePointId);
        return queries.query(new CardDetailQuery(servicePointId),
                        ResponseTypes.optionalInstanceOf(CardDetail.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("card.not-found",
                        "Service point " + servicePointId + " has no collective card", servicePointId));
    }
}
