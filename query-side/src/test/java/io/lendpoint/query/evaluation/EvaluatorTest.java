package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.MetricValue;
import io.lendpoint.api.evaluation.PointEvaluation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** §7.1 metrics on small cases computed by hand (period 2026-01-01 to 2026-01-10, ten days). */
class EvaluatorTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 10);
    private static final EvaluatedPoint POINT = new EvaluatedPoint("sp-1", "第一小学", "禅城区", 100);

    private final Evaluator evaluator = new Evaluator(null, new EvaluationPolicy(
            EvaluationPolicyConfig.parse(EvaluationPolicyConfig.DEFAULT_WEIGHTS), 2.0, 1.0), null);
    private final List<Fact> facts = new ArrayList<>();
    private int nextId;

    private void fact(FactKind kind, LocalDate day, int count, int good, long value, String reader) {
        facts.add(new Fact("e" + nextId++, kind, "sp-1", day, count, good, value, reader, null, null));
    }

    /** A loan of deposit item {@code barcode} (of batch b1) to {@code reader}. */
    private void loan(LocalDate day, String reader, String barcode) {
        facts.add(new Fact("e" + nextId++, FactKind.LOAN, "sp-1", day, 1, 1, 0, reader, null,
                DepositItem.keyOf("b1", barcode)));
    }

    private static DepositItem item(String barcode, LocalDate from, LocalDate to) {
        DepositItem item = new DepositItem();
        item.servicePointId = "sp-1";
        item.batchId = "b1";
        item.barcode = barcode;
        item.from = from;
        item.to = to;
        return item;
    }

    private static Map<String, MetricValue> byCode(PointEvaluation evaluation) {
        return evaluation.metrics().stream().collect(Collectors.toMap(MetricValue::code, Function.identity()));
    }

    @Test
    @DisplayName("§7.1 an empty period and a point with no readers: every ratio not applicable, with the reason; no composite")
    void emptyPeriod() {
        PointEvaluation evaluation = evaluator.evaluate(new EvaluatedPoint("sp-0", "空点", "禅城区", 0), FROM, TO,
                List.of(), List.of());
        Map<String, MetricValue> metrics = byCode(evaluation);
        assertThat(metrics.get("collection.turnover").value()).isNull();
        assertThat(metrics.get("collection.turnover").notApplicable()).isEqualTo("no items on deposit in the period");
        assertThat(metrics.get("satisfaction.mean").notApplicable()).isEqualTo("no satisfaction score in the period");
        assertThat(metrics.get("loans.per-active-reader").notApplicable()).isEqualTo("no reader borrowed in the period");
        assertThat(metrics.get("activities.participants-per-reader").notApplicable())
                .isEqualTo("the point has no population served on record");
        assertThat(metrics.get("activities.held").value()).isZero();
        assertThat(evaluation.composite()).isNull();
        assertThat(evaluation.previousComposite()).isNull();
    }

    @Test
    @DisplayName("§7.1 every metric on a hand-computed case, and the composite 76.25 by the default weights")
    void handComputed() {
        LocalDate d2 = FROM.plusDays(1);
        // 4 items on deposit all ten days (average 4); A lent 3 times, B twice, C once, D never
        List<DepositItem> deposit = List.of(item("A", FROM, null), item("B", FROM, null), item("C", FROM, null),
                item("D", FROM, null));
        loan(d2, "r1", "A");
        loan(FROM.plusDays(3), "r1", "A");
        loan(FROM.plusDays(6), "r1", "A");
        loan(d2, "r2", "B");
        loan(FROM.plusDays(4), "r2", "B");
        loan(d2, "r3", "C");
        fact(FactKind.RENEWAL, d2, 1, 1, 0, "r1");
        for (int score : new int[]{5, 4, 3, 2}) {
            fact(FactKind.SATISFACTION, d2, 1, score >= 4 ? 1 : 0, score, null);
        }
        fact(FactKind.RETURN, TO, 10, 8, 0, null);
        for (int verdict : new int[]{0, 0, 0, 0, 0, 0, 0, 0, 1, 2}) {
            fact(FactKind.INSPECTION, TO, 1, verdict == 0 ? 1 : 0, verdict, null);
        }
        fact(FactKind.ACTIVITY, d2, 1, 1, 30, null);
        fact(FactKind.ACTIVITY, TO, 1, 1, 20, null);
        fact(FactKind.CONSULTATION, d2, 1, 1, 30, null);
        fact(FactKind.CONSULTATION, d2, 1, 0, 90, null);
        fact(FactKind.LOAN, TO.plusDays(1), 1, 1, 0, "r9"); // after the period: not counted

        PointEvaluation evaluation = evaluator.evaluate(POINT, FROM, TO, facts, deposit);
        Map<String, MetricValue> m = byCode(evaluation);
        assertThat(m.get("satisfaction.mean").value()).isEqualTo(3.5);
        assertThat(m.get("satisfaction.mean").counts()).containsEntry("score5", 1L).containsEntry("score2", 1L)
                .containsEntry("score1", 0L);
        assertThat(m.get("satisfaction.satisfied-share").value()).isEqualTo(0.5);
        assertThat(m.get("collection.turnover").value()).isEqualTo(1.5);           // 6 loans ÷ 4 items
        assertThat(m.get("collection.turnover").counts()).containsEntry("itemDaysOnDeposit", 40L);
        assertThat(m.get("collection.not-used-share").value()).isEqualTo(0.25);    // D of 4
        assertThat(m.get("loans.per-active-reader").value()).isEqualTo(2.0);       // 6 ÷ 3 readers
        assertThat(m.get("loans.per-active-reader").counts()).containsEntry("renewals", 1L);
        assertThat(m.get("returns.on-time-rate").value()).isEqualTo(0.8);
        assertThat(m.get("inspection.damage-loss-rate").value()).isEqualTo(0.2);
        assertThat(m.get("activities.held").value()).isEqualTo(2.0);
        assertThat(m.get("activities.participants-per-reader").value()).isEqualTo(0.5); // 50 ÷ 100
        assertThat(m.get("consultation.mean-response-minutes").value()).isEqualTo(60.0);
        assertThat(m.get("consultation.within-service-level-share").value()).isEqualTo(0.5);
        // 0.25×0.5 + 0.25×1 (turnover above target) + 0.15×0.8 + 0.10×1 + 0.10×0.8 + 0.10×0.5 + 0.05×0.75
        assertThat(evaluation.composite()).isCloseTo(76.25, within(0.0001));
    }

    @Test
    @DisplayName("§7.1 the trend compares with the period of the same length just before")
    void trend() {
        fact(FactKind.SATISFACTION, FROM.minusDays(3), 1, 0, 2, null); // previous period: 0 satisfied of 1
        fact(FactKind.SATISFACTION, FROM.plusDays(3), 1, 1, 5, null);  // this period: 1 of 1
        PointEvaluation evaluation = evaluator.evaluate(POINT, FROM, TO, facts, List.of());
        MetricValue share = byCode(evaluation).get("satisfaction.satisfied-share");
        assertThat(share.value()).isEqualTo(1.0);
        assertThat(share.previous()).isEqualTo(0.0);
        assertThat(share.change()).isEqualTo(1.0);
        assertThat(evaluation.previousFrom()).isEqualTo(LocalDate.of(2025, 12, 22));
        assertThat(evaluation.previousTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        // satisfied share 1 (weight 0.25) and participation 0 of 100 readers (weight 0.10) apply: 100 × 0.25 ÷ 0.35
        assertThat(evaluation.composite()).isEqualTo(71.4286);
        assertThat(evaluation.previousComposite()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("§7.1 an item returned mid-period counts its days on deposit only; one received after the period not at all")
    void partialDeposit() {
        List<DepositItem> deposit = List.of(item("A", FROM.plusDays(5), null), item("B", LocalDate.of(2025, 12, 1),
                FROM.plusDays(1)), item("C", TO.plusDays(1), null), item("D", null, null));
        PointEvaluation evaluation = evaluator.evaluate(POINT, FROM, TO, facts, deposit);
        MetricValue turnover = byCode(evaluation).get("collection.turnover");
        assertThat(turnover.counts()).containsEntry("itemDaysOnDeposit", 5L + 2L);
        assertThat(byCode(evaluation).get("collection.not-used-share").counts()).containsEntry("itemsOnDeposit", 2L);
    }

    @Test
    @DisplayName("§7.1, §6.2 refresh punctuality: refreshes due in the period carried out within the grace days ÷ those settled")
    void refreshPunctuality() {
        fact(FactKind.REFRESH, FROM.plusDays(2), 1, 1, 0, null);
        fact(FactKind.REFRESH, FROM.plusDays(5), 1, 0, 0, null);
        fact(FactKind.DEMAND, FROM.plusDays(5), 30, 0, 0, null); // not a metric
        MetricValue punctuality = byCode(evaluator.evaluate(POINT, FROM, TO, facts, List.of())).get("refresh.punctuality");
        assertThat(punctuality.value()).isEqualTo(0.5);
        assertThat(punctuality.counts()).containsEntry("refreshes", 2L);
    }
}
