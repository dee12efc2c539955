package io.lendpoint.api.evaluation;

import java.time.LocalDate;

/** §7.1: evaluate one point over {@code from}–{@code to} (inclusive). */
public record PointEvaluationQuery(String servicePointId, LocalDate from, LocalDate to) {
}
