package io.lendpoint.api.agreement;

/** Read side, A.3: agreements ended with books possibly still out (RETURN_PERIOD or RETURN_OVERDUE). Answers {@link ReturnPeriodAgreements}. */
public record ReturnPeriodAgreementsQuery() {
}
