package io.lendpoint.query.evaluation;

import io.lendpoint.api.error.RuleViolation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * §7.1: the period an evaluation covers, inclusive: a month ({@code 2026-11}), a quarter ({@code 2026-Q3}), a year
 * ({@code 2026}), or any range ({@code from} and {@code to}); at most ten years, not reversed.
 */
record EvaluationPeriod(LocalDate from, LocalDate to) {

    static EvaluationPeriod of(String period, LocalDate from, LocalDate to) {
        if (period != null && (from != null || to != null)) {
            throw invalid("give either period or from and to, not both");
        }
        if (period != null) {
            return parse(period.trim());
        }
        if (from == null || to == null) {
            throw invalid("give period (2026-11, 2026-Q3, 2026) or both from and to");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 3660) {
            throw invalid("from must not be after to, and the range at most ten years");
        }
        return new EvaluationPeriod(from, to);
    }

    private static EvaluationPeriod parse(String period) {
        try {
            if (period.matches("\\d{4}")) {
                int year = Integer.parseInt(period);
                return new EvaluationPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (period.matches("\\d{4}-Q[1-4]")) {
                int year = Integer.parseInt(period.substring(0, 4));
                int quarter = period.charAt(6) - '0';
                YearMonth first = YearMonth.of(year, 3 * quarter - 2);
                return new EvaluationPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            if (period.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(period);
                return new EvaluationPeriod(month.atDay(1), month.atEndOfMonth());
            }
        } catch (DateTimeException e) {
            // falls through to the refusal
        }
        throw invalid("period must be a year (2026), a quarter (2026-Q3) or a month (2026-11), not " + period);
    }

    private static RuleViolation invalid(String why) {
        return RuleViolation.unprocessable("evaluation.period-invalid", why, why);
    }
}
