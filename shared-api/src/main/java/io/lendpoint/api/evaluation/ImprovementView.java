package io.lendpoint.api.evaluation;

import io.lendpoint.api.Versioned;
import java.time.LocalDate;

/** §7.2: an improvement action as read; {@code status} is OPEN, COMPLETED or DROPPED; {@code overdue} once past due. */
public record ImprovementView(String actionId, String servicePointId, LocalDate periodFrom, LocalDate periodTo,
                              String metricCode, String finding, String action, String owner, LocalDate dueOn,
                              String status, boolean overdue, String outcome, LocalDate completedOn, Boolean late,
                              String dropReason, long version) implements Versioned {
}
