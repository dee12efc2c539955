package io.lendpoint.api.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lendpoint.api.agreement.RuleSetReference;

/**
 * §5.4.2, A.2.5: what one lost or damaged item costs the point, and why.
 *
 * <p>{@code amount = charge + processingFee}. {@code charge} is price × multiplier (rounded HALF_UP to the fen), a
 * fixed amount, or a graded damage charge, and 0.00 for a replacement by the same edition.
 *
 * @param treatedAsLoss   severe damage charged as a loss ({@code damage-severe = loss})
 * @param priceBasis      which price {@code price} is
 * @param price           null when no price was used
 * @param yearBand        the publication-year band applied ({@link YearBand#label()}), or {@code before-1985} for older
 *                        books; null when no band applied
 * @param multiplier      null when no multiplier was used
 * @param refundable      a lost item that, when later found, gets this compensation back (overdue fines are not part
 *                        of it and are kept)
 * @param refundIfFound   what is refunded then (0.00 when not refundable)
 */
public record CompensationAssessment(
        RuleSetReference ruleSet,
        ItemCondition condition,
        DamageSeverity severity,
        boolean treatedAsLoss,
        CompensationBasis basis,
        PriceBasis priceBasis,
        BigDecimal price,
        String yearBand,
        BigDecimal multiplier,
        BigDecimal charge,
        BigDecimal processingFee,
        BigDecimal amount,
        boolean refundable,
        BigDecimal refundIfFound) {

    /**
     * The figures behind {@link #basis()}, as message parameters in a fixed order (only those that apply):
     * {@code severity}, {@code treatedAsLoss}, {@code priceBasis}, {@code price}, {@code yearBand},
     * {@code multiplier}, {@code charge}, {@code processingFee}, {@code amount}.
     */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (severity != null) {
            p.put("severity", severity.name());
            p.put("treatedAsLoss", Boolean.toString(treatedAsLoss));
        }
        if (priceBasis != PriceBasis.NONE) {
            p.put("priceBasis", priceBasis.name());
            p.put("price", price.toPlainString());
        }
        if (yearBand != null) {
            p.put("yearBand", yearBand);
        }
        if (multiplier != null) {
            p.put("multiplier", multiplier.stripTrailingZeros().toPlainString());
        }
        p.put("charge", charge.toPlainString());
        p.put("processingFee", processingFee.toPlainString());
        p.put("amount", amount.toPlainString());
        return Collections.unmodifiableMap(p);
    }
}
