package io.lendpoint.query.evaluation;

import java.util.Map;

/**
 * §7.1: how the library weighs the metrics into a composite score ({@code lendpoint.evaluation.weights.<code>}), and
 * the yearly targets that map turnover and participation to a 0–1 score (prorated to the period's length).
 */
record EvaluationPolicy(Map<String, Double> weights, double turnoverTargetPerYear, double participationTargetPerYear) {

    EvaluationPolicy {
        weights = Map.copyOf(weights);
        if (weights.values().stream().anyMatch(weight -> weight < 0)) {
            throw new IllegalArgumentException("weights must not be negative: " + weights);
        }
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive: " + weights);
        }
        if (turnoverTargetPerYear <= 0 || participationTargetPerYear <= 0) {
            throw new IllegalArgumentException("targets must be positive");
        }
        for (String code : weights.keySet()) {
            boolean known = java.util.Arrays.stream(Metric.values())
                    .anyMatch(metric -> metric.code.equals(code) && metric.scoring != Metric.Scoring.NONE);
            if (!known) {
                throw new IllegalArgumentException("no scored metric " + code);
            }
        }
    }

    double weightOf(Metric metric) {
        return weights.getOrDefault(metric.code, 0.0);
    }
}
