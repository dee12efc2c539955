package io.lendpoint.api.rules;

/**
 * §5.4.2, A.2.5: which rule of the compensation table produced an amount. {@link #code()} is a stable message key;
 * the figures go with it in {@link CompensationAssessment#parameters()}, so the text can be rendered in Chinese or
 * English by the caller.
 */
public enum CompensationBasis {
    /** Lost, replaced by a copy of the same edition: processing fee only. */
    LOST_REPLACED_SAME_EDITION("compensation.lost.replaced-same-edition"),
    /** Lost: price × the multiplier of its publication-year band, plus processing fee. */
    LOST_PUBLICATION_YEAR_BAND("compensation.lost.publication-year-band"),
    /** Lost, published before the oldest band, rule {@code older = multiplier N}: price × N, plus processing fee. */
    LOST_OLDER_MULTIPLIER("compensation.lost.older-multiplier"),
    /** Lost, published before the oldest band, rule {@code older = fixed X}: X, plus processing fee. */
    LOST_OLDER_FIXED("compensation.lost.older-fixed"),
    /** Lost imported book: price × the imported multiplier, plus processing fee. */
    LOST_IMPORTED("compensation.lost.imported"),
    /** Damaged, graded charge for the severity. */
    DAMAGE_GRADED("compensation.damage.graded");

    private final String code;

    CompensationBasis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
