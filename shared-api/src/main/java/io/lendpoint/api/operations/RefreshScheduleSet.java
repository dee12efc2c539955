package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §6.2: the point's books are refreshed every {@code everyMonths} months, next on {@code nextDueOn}. */
@Revision("1")
public record RefreshScheduleSet(String refreshPlanId, String servicePointId, int everyMonths, LocalDate nextDueOn,
                                 int graceDays) {
}
