package io.lendpoint.api.operations;

import java.time.LocalDate;

/** The deadline payload of a refresh plan: the refresh due on {@code dueOn} is due, or its grace has ended. */
public record RefreshDeadline(String refreshPlanId, LocalDate dueOn) {
}
