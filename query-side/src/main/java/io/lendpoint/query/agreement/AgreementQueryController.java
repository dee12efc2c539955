package io.lendpoint.query.agreement;

import io.lendpoint.api.agreement.AgreementDetail;
import io.lendpoint.api.agreement.AgreementDetailQuery;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AgreementTermsOnDateQuery;
import io.lendpoint.api.agreement.ExpiringAgreements;
import io.lendpoint.api.agreement.ExpiringAgreementsQuery;
import io.lendpoint.api.agreement.ReturnPeriodAgreements;
import io.lendpoint.api.agreement.ReturnPeriodAgreementsQuery;
import io.lendpoint.api.agreement.SetupDashboard;
import io.lendpoint.api.agreement.SetupDashboardQuery;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.security.PointScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Optional;

/** Agreement queries over HTTP (§4.2.2, A.3–A.5); a service-point manager sees its own point's agreement only. */
@RestController
@RequestMapping("/api")
@Tag(name = "Agreements (queries)", description = "agreement detail, terms on a date, expiring, return period, setup dashboard")
class AgreementQueryController {

    private final QueryGateway queries;
    private final PointScope scope;

    AgreementQueryController(QueryGateway queries, PointScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/service-points/{servicePointId}/agreement")
    @Operation(summary = "The point's agreement: current contract, signatures, validity, objection, termination, "
            + "terms timeline, days to expiry, terms in force today, history")
    public AgreementDetail detail(@PathVariable String servicePointId) {
        scope.requireAccessTo(servicePointId);
        return findDetail(servicePointId).orElseThrow(() -> notFound(servicePointId));
    }

    @GetMapping("/service-points/{servicePointId}/agreement/terms")
    @Operation(summary = "A.5: the terms in force on a date (ISO yyyy-MM-dd; today in Asia/Shanghai when omitted)")
    public AgreementTerms termsOn(@PathVariable String servicePointId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate on) {
        scope.requireAccessTo(servicePointId);
        return queries.query(new AgreementTermsOnDateQuery(servicePointId, on),
                        ResponseTypes.optionalInstanceOf(AgreementTerms.class)).join()
                .orElseThrow(() -> {
                    if (findDetail(servicePointId).isEmpty()) {
                        return notFound(servicePointId);
                    }
                    return RuleViolation.notFound("agreement.no-terms-on-date",
                            "No agreement of service point " + servicePointId + " is in force on "
                                    + (on == null ? "today" : on), servicePointId, on == null ? "" : on.toString());
                });
    }

    @GetMapping("/agreements/expiring")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "A.4: agreements in force ending within withinDays days (1–3650), with objections")
    public ExpiringAgreements expiring(@RequestParam(defaultValue = "60") int withinDays) {
        if (withinDays < ExpiringAgreementsQuery.MIN_WITHIN_DAYS || withinDays > ExpiringAgreementsQuery.MAX_WITHIN_DAYS) {
            throw RuleViolation.unprocessable("query.within-days-out-of-range", "withinDays must be 1 to 3650",
                    withinDays);
        }
        return queries.query(new ExpiringAgreementsQuery(withinDays), ExpiringAgreements.class).join();
    }

    @GetMapping("/agreements/return-period")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "A.3: ended agreements in the return period or overdue, with working days left")
    public ReturnPeriodAgreements returnPeriod() {
        return queries.query(new ReturnPeriodAgreementsQuery(), ReturnPeriodAgreements.class).join();
    }

    @GetMapping("/dashboards/setup")
    @PreAuthorize("hasAnyRole('LIBRARY_ADMIN','LIBRARY_STAFF','AUDITOR','ANALYST')")
    @Operation(summary = "Agreements and cards by status; agreements ending within 30/60/90 days; return period and overdue")
    public SetupDashboard setupDashboard() {
        return queries.query(new SetupDashboardQuery(), SetupDashboard.class).join();
    }

    private Optional<AgreementDetail> findDetail(String servicePointId) {
        return queries.query(new AgreementDetailQuery(servicePointId),
                ResponseTypes.optionalInstanceOf(AgreementDetail.class)).join();
    }

    private static RuleViolation notFound(String servicePointId) {
        return RuleViolation.notFound("agreement.not-found", "Service point " + servicePointId
                + " has no agreement", servicePointId);
    }
}
