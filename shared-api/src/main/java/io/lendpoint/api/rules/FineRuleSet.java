package io.lendpoint.api.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import io.lendpoint.api.agreement.RuleSetReference;

/**
 * A.2.4 (过期违约金): the overdue-fine rules of one version. Immutable; read from a rule-set file (format in
 * {@code rules/README.md}) by {@link RuleSets}.
 *
 * @param ratePerDay  per item per overdue day ({@code PER_ITEM}) or per batch per overdue day ({@code PER_BATCH})
 * @param capPerUnit  the most one item ({@code PER_ITEM}) or one batch ({@code PER_BATCH}) is fined; null: no cap
 * @param capPerCase  {@code PER_ITEM} only: the most all items of one overdue case (batch) are fined; null: no cap
 * @param graceDays   overdue days never charged: the fine counts only the days after them
 */
public record FineRuleSet(
        RuleSetReference reference,
        LocalDate effectiveFrom,
        FineUnit unit,
        BigDecimal ratePerDay,
        BigDecimal capPerUnit,
        BigDecimal capPerCase,
        int graceDays,
        String origin) implements RuleSet {

    public FineRuleSet {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(origin, "origin");
        ratePerDay = Yuan.requirePrice(ratePerDay, "ratePerDay");
        capPerUnit = capPerUnit == null ? null : Yuan.requirePrice(capPerUnit, "capPerUnit");
        capPerCase = capPerCase == null ? null : Yuan.requirePrice(capPerCase, "capPerCase");
        if (unit == FineUnit.PER_BATCH && capPerCase != null) {
            throw new IllegalArgumentException("a per-batch fine has no separate case cap; use capPerUnit");
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("graceDays must not be negative, got " + graceDays);
        }
    }

    /**
     * The fine for {@code items} items of one case (batch) returned {@code overdueDays} days after their due date
     * (0 = on time). For {@link FineUnit#PER_BATCH} the number of items does not change the amount, but a batch of
     * 0 items is fined nothing.
     */
    public FineAssessment assess(int items, int overdueDays) {
        if (items < 0) {
            throw new IllegalArgumentException("items must not be negative, got " + items);
        }
        if (overdueDays < 0) {
            throw new IllegalArgumentException("overdueDays must not be negative, got " + overdueDays);
        }
        int chargeableDays = Math.max(0, overdueDays - graceDays);
        BigDecimal uncapped = items == 0 ? Yuan.ZERO : Yuan.times(ratePerDay, chargeableDays);
        boolean unitCapReached = capPerUnit != null && uncapped.compareTo(capPerUnit) > 0;
        BigDecimal perUnit = unitCapReached ? capPerUnit : uncapped;
        BigDecimal subtotal = unit == FineUnit.PER_ITEM ? Yuan.times(perUnit, items) : perUnit;
        boolean caseCapReached = capPerCase != null && subtotal.compareTo(capPerCase) > 0;
        BigDecimal total = caseCapReached ? capPerCase : subtotal;
        return new FineAssessment(reference, unit, items, overdueDays, graceDays, chargeableDays, ratePerDay,
                uncapped, capPerUnit, unitCapReached, perUnit, subtotal, capPerCase, caseCapReached, total);
    }
}
