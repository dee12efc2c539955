package io.lendpoint.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A.2.4: overdue fines under the bundled default (0.10 元 per item per day, at most 5.00 元 per item) and variants. */
class FineRuleSetTest {

    private static final FineRuleSet STANDARD = RuleSets.bundled().fines(RuleSets.FINES_STANDARD);

    private static FineRuleSet fines(String body) {
        return (FineRuleSet) RuleSets.parse(new StringReader(
                "kind = fines\nid = test-fines\nversion = 1\neffective-from = 2025-01-01\n" + body), "test");
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    @DisplayName("A.2.4 the bundled default: per item, 0.10 元 a day, cap 5.00 元 per item, no case cap, no grace")
    void bundledDefault() {
        assertThat(STANDARD.reference()).isEqualTo(RuleSets.FINES_STANDARD);
        assertThat(STANDARD.unit()).isEqualTo(FineUnit.PER_ITEM);
        assertThat(STANDARD.ratePerDay()).isEqualTo(yuan("0.10"));
        assertThat(STANDARD.capPerUnit()).isEqualTo(yuan("5.00"));
        assertThat(STANDARD.capPerCase()).isNull();
        assertThat(STANDARD.graceDays()).isZero();
        assertThat(STANDARD.origin()).isEqualTo("classpath:rules/fines-standard-v1.txt");
    }

    @ParameterizedTest(name = "{0} items, {1} days overdue → {2} 元 per item, {3} 元 in all")
    @CsvSource({
            "1,  0,  0.00,   0.00",
            "1,  1,  0.10,   0.10",
            "1, 49,  4.90,   4.90",   // one day before the cap
            "1, 50,  5.00,   5.00",   // exactly at the cap
            "1, 51,  5.00,   5.00",   // one day after: capped
            "3, 10,  1.00,   3.00",
            "200, 365, 5.00, 1000.00"})
    @DisplayName("A.2.4 per-item fine up to the 5.00 元 cap (49/50/51 days)")
    void perItemCap(int items, int days, String perItem, String total) {
        FineAssessment fine = STANDARD.assess(items, days);
        assertThat(fine.perUnit()).isEqualTo(yuan(perItem));
        assertThat(fine.total()).isEqualTo(yuan(total));
    }

    @Test
    @DisplayName("A.2.4 the assessment shows the figures behind the fine: uncapped amount, cap reached, total")
    void figuresBehindIt() {
        FineAssessment fine = STANDARD.assess(4, 51);
        assertThat(fine.ruleSet()).isEqualTo(RuleSets.FINES_STANDARD);
        assertThat(fine.chargeableDays()).isEqualTo(51);
        assertThat(fine.uncappedPerUnit()).isEqualTo(yuan("5.10"));
        assertThat(fine.unitCapReached()).isTrue();
        assertThat(fine.perUnit()).isEqualTo(yuan("5.00"));
        assertThat(fine.subtotal()).isEqualTo(yuan("20.00"));
        assertThat(fine.caseCapReached()).isFalse();
        assertThat(fine.total()).isEqualTo(yuan("20.00"));
        assertThat(STANDARD.assess(4, 50).unitCapReached()).as("exactly at the cap is not cut").isFalse();
    }

    @ParameterizedTest(name = "grace 3, {0} days overdue → {1} chargeable, {2} 元")
    @CsvSource({"0, 0, 0.00", "2, 0, 0.00", "3, 0, 0.00", "4, 1, 0.30", "10, 7, 2.10"})
    @DisplayName("A.2.4 grace days are never charged: only the days after them count")
    void graceDays(int days, int chargeable, String total) {
        FineRuleSet rules = fines("unit = PER_ITEM\nrate-per-item-per-day = 0.30\ncap-per-item = none\ngrace-days = 3\n");
        FineAssessment fine = rules.assess(1, days);
        assertThat(fine.chargeableDays()).isEqualTo(chargeable);
        assertThat(fine.total()).isEqualTo(yuan(total));
        assertThat(fine.capPerUnit()).isNull();
    }

    @Test
    @DisplayName("A.2.4 a case cap limits the total of all items of one batch, at and beyond the cap")
    void caseCap() {
        FineRuleSet rules = fines("unit = PER_ITEM\nrate-per-item-per-day = 0.20\ncap-per-item = 10\ncap-per-case = 50.00\n");
        assertThat(rules.assess(5, 50).total()).as("5 × 10.00 = exactly the case cap").isEqualTo(yuan("50.00"));
        assertThat(rules.assess(5, 50).caseCapReached()).isFalse();
        FineAssessment over = rules.assess(6, 50);
        assertThat(over.subtotal()).isEqualTo(yuan("60.00"));
        assertThat(over.caseCapReached()).isTrue();
        assertThat(over.total()).isEqualTo(yuan("50.00"));
    }

    @ParameterizedTest(name = "{0} items, {1} days → {2} 元")
    @CsvSource({"1, 1, 2.00", "500, 1, 2.00", "500, 49, 98.00", "500, 50, 100.00", "500, 51, 100.00",
            "2000, 400, 100.00", "0, 10, 0.00"})
    @DisplayName("A.2.4 per-batch unit: a daily rate for the whole batch with its own cap, whatever its size")
    void perBatch(int items, int days, String total) {
        FineRuleSet rules = fines("unit = PER_BATCH\nrate-per-batch-per-day = 2.00\ncap-per-batch = 100.00\n");
        FineAssessment fine = rules.assess(items, days);
        assertThat(fine.unit()).isEqualTo(FineUnit.PER_BATCH);
        assertThat(fine.total()).isEqualTo(yuan(total));
        assertThat(fine.capPerCase()).isNull();
    }

    @Test
    @DisplayName("A.2.4 amounts keep two decimals and are never computed in double")
    void exactDecimals() {
        FineRuleSet rules = fines("unit = PER_ITEM\nrate-per-item-per-day = 0.15\ncap-per-item = none\n");
        // 0.15 × 7 = 1.05 exactly (a double gives 1.0499999…)
        assertThat(rules.assess(3, 7).perUnit()).isEqualTo(yuan("1.05"));
        assertThat(rules.assess(3, 7).total()).isEqualTo(yuan("3.15"));
        assertThat(rules.assess(3, 7).total().scale()).isEqualTo(2);
    }

    @Test
    @DisplayName("A.2.4 negative items or days are refused")
    void negativeInput() {
        assertThatThrownBy(() -> STANDARD.assess(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STANDARD.assess(1, -3)).isInstanceOf(IllegalArgumentException.class);
    }
}
