package io.lendpoint.api.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * §7.1: a point's evaluation for the period {@code from}–{@code to} (inclusive): every metric, the composite score
 * (0–100, weighted mean of the applicable metrics' scores; null if none applies), the weights used, and the
 * composite of the period of the same length just before.
 */
public record PointEvaluation(String servicePointId, String name, String district, LocalDate from, LocalDate to,
                              List<MetricValue> metrics, Double composite, String compositeFormula,
                              Map<String, Double> weights, Double previousComposite, LocalDate previousFrom,
                              LocalDate previousTo) {
}
