package io.lendpoint.api.rules;

import java.math.BigDecimal;

import io.lendpoint.api.agreement.RuleSetReference;

/**
 * A.2.4: an overdue fine and the figures behind it, to show the point how it was reached.
 *
 * <p>{@code chargeableDays = max(0, overdueDays - graceDays)}; {@code uncappedPerUnit = ratePerDay ×
 * chargeableDays}; {@code perUnit = min(uncappedPerUnit, capPerUnit)}; for {@link FineUnit#PER_ITEM}
 * {@code subtotal = perUnit × items} and {@code total = min(subtotal, capPerCase)}; for {@link FineUnit#PER_BATCH}
 * {@code subtotal = total = perUnit} (the number of items does not matter). A cap that is {@code null} does not
 * exist in the rule set. All amounts in yuan with two decimals.
 *
 * @param unitCapReached whether {@code capPerUnit} cut the fine of an item (or of the batch)
 * @param caseCapReached whether {@code capPerCase} cut the total (never for {@code PER_BATCH})
 */
public record FineAssessment(
        RuleSetReference ruleSet,
        FineUnit unit,
        int items,
        int overdueDays,
        int graceDays,
        int chargeableDays,
        BigDecimal ratePerDay,
        BigDecimal uncappedPerUnit,
        BigDecimal capPerUnit,
        boolean unitCapReached,
        BigDecimal perUnit,
        BigDecimal subtotal,
        BigDecimal capPerCase,
        boolean caseCapReached,
        BigDecimal total) {
}
