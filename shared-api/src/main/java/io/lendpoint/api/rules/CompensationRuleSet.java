package io.lendpoint.api.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.lendpoint.api.agreement.RuleSetReference;

/**
 * §5.4.2, A.2.5 (赔偿): the compensation rules of one version for lost or damaged items. Immutable; read from a
 * rule-set file (format in {@code rules/README.md}) by {@link RuleSets}.
 *
 * <ul>
 * <li>Lost, replaced by the same edition: the processing fee only.</li>
 * <li>Lost imported book: price × {@code importedMultiplier} + fee (year bands do not apply).</li>
 * <li>Lost book: price × the multiplier of its publication-year band + fee; before the oldest band, the
 *     {@link OlderBooksRule}.</li>
 * <li>"Price" is the set price for a volume of a multi-volume set, else the list price.</li>
 * <li>Damaged: the graded charge of its severity; SEVERE is charged as a loss when {@code severeCharge} is null.</li>
 * <li>A lost item later found: the compensation is refunded ({@code refundProcessingFee}: the fee too), overdue
 *     fines are kept (they are not part of the compensation).</li>
 * </ul>
 *
 * @param yearBands    newest first, contiguous, the newest open-ended
 * @param severeCharge null: severe damage is charged as a loss
 * @param refundIfFound whether a lost item later found gets its compensation back
 */
public record CompensationRuleSet(
        RuleSetReference reference,
        LocalDate effectiveFrom,
        BigDecimal processingFee,
        List<YearBand> yearBands,
        OlderBooksRule olderBooks,
        BigDecimal importedMultiplier,
        BigDecimal minorCharge,
        BigDecimal moderateCharge,
        BigDecimal severeCharge,
        boolean refundIfFound,
        boolean refundProcessingFee,
        String origin) implements RuleSet {

    public CompensationRuleSet {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(olderBooks, "olderBooks");
        Objects.requireNonNull(importedMultiplier, "importedMultiplier");
        Objects.requireNonNull(origin, "origin");
        processingFee = Yuan.requirePrice(processingFee, "processingFee");
        minorCharge = Yuan.requirePrice(minorCharge, "minorCharge");
        moderateCharge = Yuan.requirePrice(moderateCharge, "moderateCharge");
        severeCharge = severeCharge == null ? null : Yuan.requirePrice(severeCharge, "severeCharge");
        if (importedMultiplier.signum() <= 0) {
            throw new IllegalArgumentException("importedMultiplier must be positive");
        }
        yearBands = List.copyOf(yearBands);
        if (yearBands.isEmpty()) {
            throw new IllegalArgumentException("at least one publication-year band is needed");
        }
        if (yearBands.get(0).until() != null) {
            throw new IllegalArgumentException("the newest year band must be open-ended, e.g. 2001-");
        }
        for (int i = 1; i < yearBands.size(); i++) {
            YearBand newer = yearBands.get(i - 1);
            YearBand older = yearBands.get(i);
            if (older.until() == null || older.until() != newer.from() - 1) {
                throw new IllegalArgumentException("year band " + older.label() + " must end the year before "
                        + newer.label() + " starts (bands newest first, no gaps, no overlaps)");
            }
        }
    }

    /** The first year of the oldest band; books published before it fall under {@link #olderBooks()}. */
    public int oldestBandFrom() {
        return yearBands.get(yearBands.size() - 1).from();
    }

    /** §5.4.2, A.2.5: what {@code item} costs, and on which rule. */
    public CompensationAssessment assess(CompensationItem item) {
        Objects.requireNonNull(item, "item");
        if (item.condition() == ItemCondition.DAMAGED) {
            BigDecimal graded = switch (item.severity()) {
                case MINOR -> minorCharge;
                case MODERATE -> moderateCharge;
                case SEVERE -> severeCharge;
            };
            if (graded != null) {
                if (item.replacedBySameEdition()) {
                    throw new IllegalArgumentException("replacement by the same edition applies to a loss only; "
                            + item.severity() + " damage is a graded charge under " + describe());
                }
                return new CompensationAssessment(reference, ItemCondition.DAMAGED, item.severity(), false,
                        CompensationBasis.DAMAGE_GRADED, PriceBasis.NONE, null, null, null, graded, Yuan.ZERO,
                        graded, false, Yuan.ZERO);
            }
            return assessLoss(item, true);
        }
        return assessLoss(item, false);
    }

    /**
     * §5.4.2: the amount refunded when the lost item of {@code assessment} is found after all. Overdue fines are not
     * compensation and are never refunded.
     *
     * @throws IllegalArgumentException if the assessment was made under another rule set or is not refundable
     */
    public BigDecimal refundWhenFound(CompensationAssessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        if (!assessment.ruleSet().equals(reference)) {
            throw new IllegalArgumentException("the assessment was made under " + assessment.ruleSet().id() + " v"
                    + assessment.ruleSet().version() + ", not " + describe());
        }
        if (!assessment.refundable()) {
            throw new IllegalArgumentException("not refundable under " + describe() + ": only a lost item found"
                    + " later, when refund-if-found = true");
        }
        return assessment.refundIfFound();
    }

    private CompensationAssessment assessLoss(CompensationItem item, boolean treatedAsLoss) {
        ItemCondition condition = item.condition();
        DamageSeverity severity = item.severity();
        boolean refundable = refundIfFound && condition == ItemCondition.LOST;
        if (item.replacedBySameEdition()) {
            return assessment(condition, severity, treatedAsLoss, CompensationBasis.LOST_REPLACED_SAME_EDITION,
                    PriceBasis.NONE, null, null, null, Yuan.ZERO, refundable);
        }
        PriceBasis priceBasis = item.setPrice() != null ? PriceBasis.SET_PRICE : PriceBasis.LIST_PRICE;
        BigDecimal price = item.setPrice() != null ? item.setPrice() : item.listPrice();
        if (item.imported()) {
            return assessment(condition, severity, treatedAsLoss, CompensationBasis.LOST_IMPORTED, priceBasis, price,
                    null, importedMultiplier, Yuan.times(price, importedMultiplier), refundable);
        }
        for (YearBand band : yearBands) {
            if (band.contains(item.publicationYear())) {
                return assessment(condition, severity, treatedAsLoss, CompensationBasis.LOST_PUBLICATION_YEAR_BAND,
                        priceBasis, price, band.label(), band.multiplier(), Yuan.times(price, band.multiplier()),
                        refundable);
            }
        }
        String older = "before-" + oldestBandFrom();
        if (olderBooks.kind() == OlderBooksRule.Kind.FIXED) {
            return assessment(condition, severity, treatedAsLoss, CompensationBasis.LOST_OLDER_FIXED, PriceBasis.NONE,
                    null, older, null, olderBooks.value(), refundable);
        }
        return assessment(condition, severity, treatedAsLoss, CompensationBasis.LOST_OLDER_MULTIPLIER, priceBasis,
                price, older, olderBooks.value(), Yuan.times(price, olderBooks.value()), refundable);
    }

    private CompensationAssessment assessment(ItemCondition condition, DamageSeverity severity, boolean treatedAsLoss,
                                              CompensationBasis basis, PriceBasis priceBasis, BigDecimal price,
                                              String yearBand, BigDecimal multiplier, BigDecimal charge,
                                              boolean refundable) {
        BigDecimal amount = Yuan.of(charge.add(processingFee));
        BigDecimal refund = !refundable ? Yuan.ZERO : refundProcessingFee ? amount : charge;
        return new CompensationAssessment(reference, condition, severity, treatedAsLoss, basis, priceBasis, price,
                yearBand, multiplier, charge, processingFee, amount, refundable, refund);
    }

    private String describe() {
        return reference.id() + " v" + reference.version();
    }
}
