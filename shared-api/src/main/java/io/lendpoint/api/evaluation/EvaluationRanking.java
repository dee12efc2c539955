package io.lendpoint.api.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * §7.1: points ranked by composite score, best first; points whose composite cannot be computed come last, unranked.
 * {@code previousComposite} and {@code change} give each point's trend against the period before.
 */
public record EvaluationRanking(LocalDate from, LocalDate to, String district, List<Entry> entries) {

    public record Entry(Integer rank, String servicePointId, String name, String district, Double composite,
                        Double previousComposite, Double change) {
    }
}
