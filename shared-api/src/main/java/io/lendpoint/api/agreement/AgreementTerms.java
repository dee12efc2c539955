package io.lendpoint.api.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The terms of a collective-lending agreement (集体外借服务协议): A.1.2 at most {@code maxItemsOut} books out at
 * once (standard: 2000) for a loan term of {@code loanTermMonths} (standard: 12); A.4 valid for
 * {@code validityMonths} (standard: 24); A.2.4/A.2.5 the fine and compensation rule sets in force.
 */
public record AgreementTerms(
        @Min(value = 1, message = "{validation.min}") @Max(value = 100_000, message = "{validation.max}") int maxItemsOut,
        @Min(value = 1, message = "{validation.min}") @Max(value = 60, message = "{validation.max}") int loanTermMonths,
        @Min(value = 1, message = "{validation.min}") @Max(value = 120, message = "{validation.max}") int validityMonths,
        @NotNull(message = "{validation.required}") @Valid RuleSetReference fineRules,
        @NotNull(message = "{validation.required}") @Valid RuleSetReference compensationRules) {

    /** A.1.2: at most 2000 books out at once. */
    public static final int STANDARD_MAX_ITEMS_OUT = 2000;
    /** A.1.2: loan term one year. */
    public static final int STANDARD_LOAN_TERM_MONTHS = 12;
    /** A.4: valid for two years. */
    public static final int STANDARD_VALIDITY_MONTHS = 24;

    public static AgreementTerms standard(RuleSetReference fineRules, RuleSetReference compensationRules) {
        return new AgreementTerms(STANDARD_MAX_ITEMS_OUT, STANDARD_LOAN_TERM_MONTHS, STANDARD_VALIDITY_MONTHS,
                fineRules, compensationRules);
    }
}
