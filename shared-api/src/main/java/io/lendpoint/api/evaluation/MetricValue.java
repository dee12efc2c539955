package io.lendpoint.api.evaluation;

import java.util.Map;

/**
 * §7.1: one metric of one point for one period: its stable {@code code} and {@code version}, names, the formula it
 * follows, the raw counts it was computed from, and the value — or, when it cannot be computed (no scores, no
 * readers, nothing on deposit), {@code value} null and {@code notApplicable} saying why. {@code score} is the value
 * mapped to 0–1 for the composite (null if the metric is not part of it); {@code previous} and {@code change}
 * compare with the period before.
 */
public record MetricValue(String code, int version, String nameZh, String nameEn, String formula, String unit,
                          Double value, String notApplicable, Map<String, Long> counts, Double score,
                          Double previous, Double change) {
}
