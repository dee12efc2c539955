package io.lendpoint.api.operations;

import java.time.LocalDate;

/**
 * §6.2: a point's refresh plan as read: every {@code everyMonths} months, next due on {@code nextDueOn};
 * {@code due} once that date came, {@code missed} once its grace days passed; the last refresh carried out.
 */
public record RefreshPlanView(String servicePointId, int everyMonths, LocalDate nextDueOn, int graceDays, boolean due,
                              boolean missed, LocalDate lastCarriedOutOn, Boolean lastOnTime) {
}
