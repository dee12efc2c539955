package io.lendpoint.command.audit;

import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** For auditors: the state of any aggregate, or of a service point with its agreement, card and batches, at an instant. */
@RestController
@PreAuthorize("hasAnyRole('LIBRARY_ADMIN','AUDITOR')")
@Tag(name = "Audit")
class PointInTimeController {

    private final PointInTime pointInTime;
    private final RequestedBatches requestedBatches;
    private final PointScope scope;

    PointInTimeController(PointInTime pointInTime, RequestedBatches requestedBatches, PointScope scope) {
        this.pointInTime = pointInTime;
        this.requestedBatches = requestedBatches;
        this.scope = scope;
    }

    @GetMapping("/api/audit/aggregates/{aggregateId}/state")
    @Operation(summary = "an aggregate's state as it was at an instant (default: now), rebuilt from its events")
    public AggregateState aggregate(@PathVariable String aggregateId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        Instant when = at == null ? Instant.now() : at;
        return pointInTime.stateOf(aggregateId, when, scope.isLibraryAdmin()).orElseThrow(() -> RuleViolation.notFound(
                "audit.no-state", "No events of " + aggregateId + " up to " + when, aggregateId, when));
    }

    @GetMapping("/api/audit/service-points/{servicePointId}/state")
    @Operation(summary = "a service point with its agreement, card and batches as they were at an instant")
    public PointState servicePoint(@PathVariable String servicePointId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        Instant when = at == null ? Instant.now() : at;
        boolean unmasked = scope.isLibraryAdmin();
        AggregateState point = pointInTime.stateOf(servicePointId, when, unmasked).orElseThrow(() ->
                RuleViolation.notFound("audit.no-state", "No events of " + servicePointId + " up to " + when,
                        servicePointId, when));
        return new PointState(when, point,
                pointInTime.stateOf(AgreementIds.forServicePoint(servicePointId), when, unmasked).orElse(null),
                pointInTime.stateOf(CardIds.forServicePoint(servicePointId), when, unmasked).orElse(null),
                requestedBatches.of(servicePointId, when).stream()
                        .flatMap(batch -> pointInTime.stateOf(batch, when, unmasked).stream()).toList());
    }

    /** A point and what belonged to it at {@code at}; agreement or card null if there was none yet. */
    record PointState(Instant at, AggregateState servicePoint, AggregateState agreement, AggregateState card,
                      List<AggregateState> batches) {
    }
}
