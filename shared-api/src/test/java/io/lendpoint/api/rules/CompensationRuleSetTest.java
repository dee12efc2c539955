package io.lendpoint.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * §5.4.2, A.2.5: compensation for lost or damaged books under the bundled default (price × 2/3/4/5 by publication
 * year, older 5×, imported 3×, + 10.00 元 fee; damage 5.00 / 10.00 元, severe = loss; refund when found).
 */
class CompensationRuleSetTest {

    private static final CompensationRuleSet STANDARD = RuleSets.bundled().compensation(RuleSets.COMPENSATION_STANDARD);

    private static final String BODY = """
            kind = compensation
            id = test-compensation
            version = 1
            effective-from = 2025-01-01
            processing-fee = 10.00
            year-band = 2001- 2
            year-band = 1996-2000 3
            year-band = 1991-1995 4
            year-band = 1985-1990 5
            imported-multiplier = 3
            damage-minor = 5.00
            damage-moderate = 10.00
            """;

    private static CompensationRuleSet compensation(String rest) {
        return (CompensationRuleSet) RuleSets.parse(new StringReader(BODY + rest), "test");
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    private static CompensationItem lost(String price, int year) {
        return CompensationItem.lost(yuan(price), year);
    }

    @ParameterizedTest(name = "published {0}: 30.00 × {1} + 10.00 = {2} 元 (band {3})")
    @CsvSource({
            "2026, 2, 70.00,  2001-",
            "2001, 2, 70.00,  2001-",
            "2000, 3, 100.00, 1996-2000",
            "1996, 3, 100.00, 1996-2000",
            "1995, 4, 130.00, 1991-1995",
            "1991, 4, 130.00, 1991-1995",
            "1990, 5, 160.00, 1985-1990",
            "1985, 5, 160.00, 1985-1990"})
    @DisplayName("§5.4.2, A.2.5 a lost book: list price × the multiplier of its publication-year band + fee, at each band edge")
    void yearBands(int year, int multiplier, String amount, String band) {
        CompensationAssessment a = STANDARD.assess(lost("30.00", year));
        assertThat(a.basis()).isEqualTo(CompensationBasis.LOST_PUBLICATION_YEAR_BAND);
        assertThat(a.yearBand()).isEqualTo(band);
        assertThat(a.multiplier()).isEqualByComparingTo(BigDecimal.valueOf(multiplier));
        assertThat(a.charge()).isEqualTo(yuan("30.00").multiply(BigDecimal.valueOf(multiplier)).setScale(2));
        assertThat(a.processingFee()).isEqualTo(yuan("10.00"));
        assertThat(a.amount()).isEqualTo(yuan(amount));
        assertThat(a.priceBasis()).isEqualTo(PriceBasis.LIST_PRICE);
    }

    @Test
    @DisplayName("§5.4.2 published 1984, before the oldest band: the default continues 5× (older rule), 1985 is still the band")
    void olderDefault() {
        CompensationAssessment a = STANDARD.assess(lost("30.00", 1984));
        assertThat(a.basis()).isEqualTo(CompensationBasis.LOST_OLDER_MULTIPLIER);
        assertThat(a.yearBand()).isEqualTo("before-1985");
        assertThat(a.amount()).isEqualTo(yuan("160.00"));
        assertThat(STANDARD.assess(lost("30.00", 1985)).basis()).isEqualTo(CompensationBasis.LOST_PUBLICATION_YEAR_BAND);
    }

    @Test
    @DisplayName("§5.4.2 the older-books rule is configurable: a fixed amount whatever the price, or another multiplier")
    void olderConfigurable() {
        CompensationRuleSet fixed = compensation("older = fixed 80.00\ndamage-severe = loss\nrefund-if-found = true\n"
                + "refund-processing-fee = true\n");
        CompensationAssessment a = fixed.assess(lost("3.20", 1960));
        assertThat(a.basis()).isEqualTo(CompensationBasis.LOST_OLDER_FIXED);
        assertThat(a.priceBasis()).isEqualTo(PriceBasis.NONE);
        assertThat(a.charge()).isEqualTo(yuan("80.00"));
        assertThat(a.amount()).isEqualTo(yuan("90.00"));
        assertThat(fixed.assess(lost("3.20", 1985)).amount()).as("1985 is in the 5× band").isEqualTo(yuan("26.00"));

        CompensationRuleSet sixfold = compensation("older = multiplier 6\ndamage-severe = loss\n"
                + "refund-if-found = true\nrefund-processing-fee = true\n");
        assertThat(sixfold.assess(lost("3.20", 1984)).amount()).isEqualTo(yuan("29.20"));
    }

    @Test
    @DisplayName("A.2.5 a lost imported book: price × 3 (default) + fee, whatever its publication year")
    void imported() {
        CompensationAssessment recent = STANDARD.assess(lost("100.00", 2020).asImported());
        assertThat(recent.basis()).isEqualTo(CompensationBasis.LOST_IMPORTED);
        assertThat(recent.multiplier()).isEqualByComparingTo("3");
        assertThat(recent.yearBand()).isNull();
        assertThat(recent.amount()).isEqualTo(yuan("310.00"));
        assertThat(STANDARD.assess(lost("100.00", 1970).asImported()).amount()).isEqualTo(yuan("310.00"));
    }

    @Test
    @DisplayName("§5.4.2 a lost volume of a multi-volume set is charged on the set price (× its band) + fee")
    void setPrice() {
        CompensationAssessment a = STANDARD.assess(lost("25.00", 2010).withSetPrice(yuan("200.00")));
        assertThat(a.priceBasis()).isEqualTo(PriceBasis.SET_PRICE);
        assertThat(a.price()).isEqualTo(yuan("200.00"));
        assertThat(a.amount()).isEqualTo(yuan("410.00"));
        assertThat(STANDARD.assess(lost("25.00", 1998).withSetPrice(yuan("200.00"))).amount())
                .isEqualTo(yuan("610.00"));
    }

    @Test
    @DisplayName("§5.4.2 a lost book replaced by the same edition: the processing fee only")
    void replacement() {
        CompensationAssessment a = STANDARD.assess(lost("88.00", 1990).withReplacementBySameEdition());
        assertThat(a.basis()).isEqualTo(CompensationBasis.LOST_REPLACED_SAME_EDITION);
        assertThat(a.charge()).isEqualTo(yuan("0.00"));
        assertThat(a.amount()).isEqualTo(yuan("10.00"));
        assertThat(a.priceBasis()).isEqualTo(PriceBasis.NONE);
    }

    @ParameterizedTest(name = "{0} → {1} 元")
    @CsvSource({"MINOR, 5.00", "MODERATE, 10.00"})
    @DisplayName("§5.4.2, A.2.5 damage is charged by severity, without the processing fee")
    void gradedDamage(DamageSeverity severity, String amount) {
        CompensationAssessment a = STANDARD.assess(CompensationItem.damaged(yuan("30.00"), 2010, severity));
        assertThat(a.basis()).isEqualTo(CompensationBasis.DAMAGE_GRADED);
        assertThat(a.amount()).isEqualTo(yuan(amount));
        assertThat(a.processingFee()).isEqualTo(yuan("0.00"));
        assertThat(a.refundable()).isFalse();
        assertThat(a.treatedAsLoss()).isFalse();
    }

    @Test
    @DisplayName("§5.4.2 severe damage is charged as a loss by default (30.00 × 2 + 10.00), but not refundable")
    void severeAsLoss() {
        CompensationAssessment a = STANDARD.assess(CompensationItem.damaged(yuan("30.00"), 2010, DamageSeverity.SEVERE));
        assertThat(a.treatedAsLoss()).isTrue();
        assertThat(a.basis()).isEqualTo(CompensationBasis.LOST_PUBLICATION_YEAR_BAND);
        assertThat(a.condition()).isEqualTo(ItemCondition.DAMAGED);
        assertThat(a.amount()).isEqualTo(yuan("70.00"));
        assertThat(a.refundable()).isFalse();
        assertThat(STANDARD.assess(CompensationItem.damaged(yuan("30.00"), 2010, DamageSeverity.SEVERE)
                .withReplacementBySameEdition()).amount()).as("replaced like a loss").isEqualTo(yuan("10.00"));
    }

    @Test
    @DisplayName("§5.4.2 severe damage as a graded charge when the rule set says damage-severe = 20.00")
    void severeGraded() {
        CompensationRuleSet rules = compensation("older = multiplier 5\ndamage-severe = 20.00\n"
                + "refund-if-found = true\nrefund-processing-fee = true\n");
        CompensationAssessment a = rules.assess(CompensationItem.damaged(yuan("30.00"), 2010, DamageSeverity.SEVERE));
        assertThat(a.basis()).isEqualTo(CompensationBasis.DAMAGE_GRADED);
        assertThat(a.treatedAsLoss()).isFalse();
        assertThat(a.amount()).isEqualTo(yuan("20.00"));
        assertThat(a.parameters()).containsEntry("severity", "SEVERE").containsEntry("amount", "20.00");
    }

    @ParameterizedTest
    @EnumSource(value = DamageSeverity.class, names = {"MINOR", "MODERATE"})
    @DisplayName("§5.4.2 replacement by the same edition is for a loss only, not for a graded damage charge")
    void replacementOfDamageRefused(DamageSeverity severity) {
        CompensationItem item = CompensationItem.damaged(yuan("30.00"), 2010, severity).withReplacementBySameEdition();
        assertThatThrownBy(() -> STANDARD.assess(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss only");
    }

    @Test
    @DisplayName("§5.4.2, A.2.4 a lost book found later: the compensation is refunded, the overdue fine is kept")
    void refundWhenFound() {
        FineAssessment fine = RuleSets.bundled().fines(RuleSets.FINES_STANDARD).assess(1, 60);
        CompensationAssessment a = STANDARD.assess(lost("30.00", 2001));
        assertThat(a.refundable()).isTrue();
        assertThat(STANDARD.refundWhenFound(a)).isEqualTo(yuan("70.00"));
        assertThat(fine.total()).as("the fine is assessed apart and stays due").isEqualTo(yuan("5.00"));

        CompensationAssessment replaced = STANDARD.assess(lost("30.00", 2001).withReplacementBySameEdition());
        assertThat(STANDARD.refundWhenFound(replaced)).isEqualTo(yuan("10.00"));
    }

    @Test
    @DisplayName("§5.4.2 refund without the processing fee, or no refund at all, when the rule set says so")
    void refundConfigurable() {
        CompensationRuleSet feeKept = compensation("older = multiplier 5\ndamage-severe = loss\n"
                + "refund-if-found = true\nrefund-processing-fee = false\n");
        assertThat(feeKept.refundWhenFound(feeKept.assess(lost("30.00", 2001)))).isEqualTo(yuan("60.00"));

        CompensationRuleSet noRefund = compensation("older = multiplier 5\ndamage-severe = loss\n"
                + "refund-if-found = false\nrefund-processing-fee = false\n");
        CompensationAssessment a = noRefund.assess(lost("30.00", 2001));
        assertThat(a.refundable()).isFalse();
        assertThat(a.refundIfFound()).isEqualTo(yuan("0.00"));
        assertThatThrownBy(() -> noRefund.refundWhenFound(a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STANDARD.refundWhenFound(a)).as("another rule set's assessment")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test-compensation v1");
        CompensationAssessment damage = STANDARD.assess(CompensationItem.damaged(yuan("30.00"), 2010, DamageSeverity.MINOR));
        assertThatThrownBy(() -> STANDARD.refundWhenFound(damage)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("A.2.5 price × multiplier is rounded HALF_UP to the fen: 12.35 × 1.5 = 18.525 → 18.53")
    void rounding() {
        CompensationRuleSet rules = (CompensationRuleSet) RuleSets.parse(new StringReader(
                BODY.replace("imported-multiplier = 3", "imported-multiplier = 1.5") + "older = multiplier 5\n"
                        + "damage-severe = loss\nrefund-if-found = true\nrefund-processing-fee = true\n"), "test");
        CompensationAssessment a = rules.assess(lost("12.35", 2010).asImported());
        assertThat(a.charge()).isEqualTo(yuan("18.53"));
        assertThat(a.amount()).isEqualTo(yuan("28.53"));
    }

    @Test
    @DisplayName("§5.4.2 the basis is a stable code with its figures, for zh and en texts")
    void basisParameters() {
        CompensationAssessment a = STANDARD.assess(lost("30.00", 1998));
        assertThat(a.basis().code()).isEqualTo("compensation.lost.publication-year-band");
        assertThat(a.parameters()).containsExactly(
                java.util.Map.entry("priceBasis", "LIST_PRICE"),
                java.util.Map.entry("price", "30.00"),
                java.util.Map.entry("yearBand", "1996-2000"),
                java.util.Map.entry("multiplier", "3"),
                java.util.Map.entry("charge", "90.00"),
                java.util.Map.entry("processingFee", "10.00"),
                java.util.Map.entry("amount", "100.00"));
    }

    @Test
    @DisplayName("§5.4.2 an item record refuses a damaged item without severity and a lost one with it")
    void itemValidation() {
        assertThatThrownBy(() -> new CompensationItem(yuan("1"), 2000, false, null, ItemCondition.DAMAGED, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompensationItem(yuan("1"), 2000, false, null, ItemCondition.LOST,
                DamageSeverity.MINOR, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lost("1.005", 2000)).isInstanceOf(IllegalArgumentException.class);
    }
}
