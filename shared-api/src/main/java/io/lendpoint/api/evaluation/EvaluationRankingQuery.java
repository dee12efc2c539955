package io.lendpoint.api.evaluation;

import java.time.LocalDate;

/** §7.1: rank the points (all, or one district's) by composite score over {@code from}–{@code to}. */
public record EvaluationRankingQuery(LocalDate from, LocalDate to, String district) {
}
