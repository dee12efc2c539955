package io.lendpoint.api.agreement;

import java.time.LocalDate;

/**
 * A.3: how the current contract ended and when its books are due back; {@code itemsOutstanding} is set when
 * the deadline passed with books still out (ReturnPeriodOverdue), otherwise null.
 */
public record AgreementTermination(TerminationReason reason, String explanation, LocalDate terminatedOn,
                                   LocalDate returnDeadline, Integer itemsOutstanding) {
}
