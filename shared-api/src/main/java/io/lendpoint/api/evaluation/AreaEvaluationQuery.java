package io.lendpoint.api.evaluation;

import java.time.LocalDate;

/**
 * §7.1: the whole city (district null) or one district evaluated as one: every metric over the facts of all its
 * points, the population served summed. Answered as a {@link PointEvaluation} whose {@code servicePointId} is null.
 */
public record AreaEvaluationQuery(String district, LocalDate from, LocalDate to) {
}
