package io.lendpoint.api.agreement;

import java.time.LocalDate;
import java.util.List;

/** The answer to {@link ReturnPeriodAgreementsQuery}, earliest deadline first; {@code today} in Asia/Shanghai. */
public record ReturnPeriodAgreements(LocalDate today, List<ReturnPeriodAgreement> items) {

    /**
     * One ended agreement. {@code workingDaysLeft} counts the working days after today up to and including the
     * deadline (0 on the deadline itself, negative once it has passed); {@code itemsOutstanding} is known only
     * once the deadline passed with books still out (A.3), otherwise null.
     */
    public record ReturnPeriodAgreement(String agreementId, String servicePointId, int contractNumber,
                                        AgreementStatus status, TerminationReason reason, LocalDate terminatedOn,
                                        LocalDate returnDeadline, long workingDaysLeft, Integer itemsOutstanding) {
    }
}
