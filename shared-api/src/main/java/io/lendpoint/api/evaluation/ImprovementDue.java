package io.lendpoint.api.evaluation;

import java.time.LocalDate;

/** The deadline payload: the improvement action was due on {@code dueOn}. */
public record ImprovementDue(String actionId, LocalDate dueOn) {
}
