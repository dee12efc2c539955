package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.3: the return deadline passed with {@code itemsOutstanding} books still out (overdue on termination). */
@Revision("1")
public record ReturnPeriodOverdue(String agreementId, String servicePointId, LocalDate returnDeadline, int itemsOutstanding) {
}
