package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.AreaEvaluationQuery;
import io.lendpoint.api.evaluation.MetricValue;
import io.lendpoint.api.evaluation.PointEvaluation;
import io.lendpoint.api.evaluation.PointEvaluationQuery;
import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.DiscrepancyKind;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.ItemLent;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyRecorded;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProcessingBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: a point's evaluation asked again is answered from the counts kept for it, and never from counts that a
 * fact or deposit change written since has made stale. Each "behind the marks' back" step removes facts without the
 * projection, which only kept counts can survive: so each test shows which of the two answered.
 */
class KeptCountsTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 10, 1);
    private static final LocalDate OCTOBER_FROM = RECEIVED;
    private static final LocalDate OCTOBER_TO = LocalDate.of(2026, 10, 31);

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;
    private EvaluationFacts facts;
    private long sequence;

    @BeforeEach
    void start() {
        mongo = store.template("kept-counts-test");
        facts = new EvaluationFacts(mongo);
        mongo.save(new EvaluatedPoint("sp-1", "第一小学", "禅城区", 100));
        BatchShipped shipped = new BatchShipped("b1", "sp-1", "物流", null, RECEIVED.minusDays(2),
                List.of(item("A"), item("B"), item("C"), item("D")));
        facts.on(shipped, ofBatch(shipped));
        BatchReceived received = new BatchReceived("b1", "sp-1", RECEIVED, "王", "李", 4);
        facts.on(received, ofBatch(received));
        lend("A", RECEIVED.plusDays(3));
    }

    private static ItemDescription item(String barcode) {
        return new ItemDescription(barcode, "书", null, "I", new BigDecimal("30.00"), 2015);
    }

    private <T> DomainEventMessage<T> ofBatch(T event) {
        return new GenericDomainEventMessage<>("LoanBatch", "b1", sequence++, event);
    }

    private void lend(String barcode, LocalDate on) {
        ItemLent lent = new ItemLent("b1", "sp-1", barcode, "R-" + barcode, on);
        facts.on(lent, ofBatch(lent));
    }

    private Evaluator evaluator(int periodsKept) {
        return new Evaluator(mongo, new EvaluationPolicy(
                EvaluationPolicyConfig.parse(EvaluationPolicyConfig.DEFAULT_WEIGHTS), 2.0, 1.0),
                new KeptCounts(mongo, periodsKept));
    }

    private static Map<String, Long> counts(PointEvaluation evaluation, String metric) {
        return evaluation.metrics().stream().filter(m -> m.code().equals(metric)).findFirst()
                .map(MetricValue::counts).orElseThrow();
    }

    private static long loans(PointEvaluation evaluation) {
        return counts(evaluation, "loans.per-active-reader").get("loans");
    }

    private PointEvaluation october(Evaluator evaluator) {
        return evaluator.handle(new PointEvaluationQuery("sp-1", OCTOBER_FROM, OCTOBER_TO)).orElseThrow();
    }

    /** Removes every fact of the point without the projection, so no mark changes. */
    private void removeFactsBehindTheMarksBack() {
        mongo.dropCollection(EvaluationDay.COLLECTION);
    }

    @Test
    @DisplayName("§7.1 a point's period evaluated again is answered from its kept counts, with the same figures")
    void askedAgain() {
        Evaluator evaluator = evaluator(8);
        PointEvaluation computed = october(evaluator);
        assertThat(loans(computed)).isOne();

        removeFactsBehindTheMarksBack();

        assertThat(october(evaluator)).as("answered from the kept counts").isEqualTo(computed);
        assertThat(loans(october(evaluator(0)))).as("with nothing kept, computed from the facts left").isZero();
    }

    @Test
    @DisplayName("§7.1 a fact of the period projected after an evaluation is counted by the next one")
    void newFactCounted() {
        Evaluator evaluator = evaluator(8);
        assertThat(loans(october(evaluator))).isOne();

        lend("B", RECEIVED.plusDays(10));

        assertThat(loans(october(evaluator))).isEqualTo(2);
    }

    @Test
    @DisplayName("§7.1 a fact of the period before (the trend's) also makes the kept counts stale")
    void factOfThePreviousPeriod() {
        Evaluator evaluator = evaluator(8);
        PointEvaluation first = october(evaluator);
        assertThat(counts(first, "activities.held")).containsEntry("activitiesHeld", 0L);

        EvaluationDay.store(mongo, new Fact("activity-1", FactKind.ACTIVITY, "sp-1", OCTOBER_FROM.minusDays(5), 1, 1,
                20, null, null, null)); // 26 September: in the period before October's

        PointEvaluation second = october(evaluator);
        assertThat(second.metrics()).filteredOn(m -> m.code().equals("activities.held")).singleElement()
                .satisfies(held -> assertThat(held.previous()).isEqualTo(1.0));
    }

    @Test
    @DisplayName("§7.1 facts of a later month leave an earlier period's kept counts in use")
    void laterMonthLeavesEarlierKept() {
        Evaluator evaluator = evaluator(8);
        assertThat(loans(october(evaluator))).isOne();
        removeFactsBehindTheMarksBack();

        lend("B", LocalDate.of(2026, 11, 5)); // November: not October's, nor September's

        assertThat(loans(october(evaluator))).as("still the kept counts").isOne();
        assertThat(loans(evaluator.handle(new PointEvaluationQuery("sp-1", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30))).orElseThrow())).isOne();
    }

    @Test
    @DisplayName("§7.1 a change of the point's deposit makes its kept counts stale")
    void depositChange() {
        Evaluator evaluator = evaluator(8);
        assertThat(counts(october(evaluator), "collection.not-used-share")).containsEntry("itemsOnDeposit", 4L);

        ReceiptDiscrepancyRecorded missing = new ReceiptDiscrepancyRecorded("b1", "sp-1", "D",
                DiscrepancyKind.MISSING, null);
        facts.on(missing, ofBatch(missing));

        assertThat(counts(october(evaluator), "collection.not-used-share")).containsEntry("itemsOnDeposit", 3L);
    }

    @Test
    @DisplayName("§7.1 counts computed while a fact was being written are not kept as current: the marks are read "
            + "before the facts")
    void changeDuringTheComputation() {
        KeptCounts kept = new KeptCounts(mongo, 8);
        KeptCounts.Lookup lookup = kept.lookUp("sp-1", OCTOBER_FROM.minusDays(31), OCTOBER_FROM, OCTOBER_TO);
        PeriodFacts stale = PeriodFacts.of(OCTOBER_FROM, OCTOBER_TO, List.of(), List.of());

        lend("B", RECEIVED.plusDays(10)); // written after the marks were read, before the counts are kept
        kept.keep(lookup, stale, stale);

        assertThat(kept.lookUp("sp-1", OCTOBER_FROM.minusDays(31), OCTOBER_FROM, OCTOBER_TO).found()).isFalse();
        assertThat(loans(october(evaluator(8)))).isEqualTo(2);
    }

    @Test
    @DisplayName("§7.1 in a processing batch, a fact marks its point's month once the batch is written")
    void markedInABatch() {
        ItemLent lent = new ItemLent("b1", "sp-1", "C", "R-C", LocalDate.of(2026, 12, 2));
        new ProcessingBatch().run(List.of(ofBatch(lent)), message -> facts.on(lent, message.getPayload() == lent
                ? ofBatch(lent) : null));

        Document marks = mongo.getCollection(KeptCounts.COLLECTION).find(new Document("_id", "sp-1")).first();
        assertThat(marks.get("months", Document.class)).containsKeys("2026-10", "2026-12");
        assertThat(marks.get("deposit")).isNotNull();
    }

    private PointEvaluation cityInOctober(Evaluator evaluator) {
        return evaluator.handle(new AreaEvaluationQuery(null, OCTOBER_FROM, OCTOBER_TO));
    }

    @Test
    @DisplayName("§7.1 the city's evaluation asked again is answered from the city's kept counts; any point's new fact"
            + " makes them stale")
    void cityAskedAgain() {
        mongo.save(new EvaluatedPoint("sp-2", "第二小学", "南海区", 50));
        Evaluator evaluator = evaluator(8);
        PointEvaluation computed = cityInOctober(evaluator);
        assertThat(loans(computed)).isOne();
        assertThat(counts(computed, "activities.participants-per-reader")).containsEntry("populationServed", 150L);

        lend("B", RECEIVED.plusDays(10));
        PointEvaluation again = cityInOctober(evaluator);
        assertThat(loans(again)).as("B's loan counted").isEqualTo(2);

        removeFactsBehindTheMarksBack();
        assertThat(cityInOctober(evaluator)).as("answered from the kept counts").isEqualTo(again);
        assertThat(loans(cityInOctober(evaluator(0)))).as("with nothing kept").isZero();
    }

    @Test
    @DisplayName("§7.1 a point rejected leaves the city: its population is no longer counted in the city's kept "
            + "counts")
    void cityPointsChanged() {
        mongo.save(new EvaluatedPoint("sp-2", "第二小学", "南海区", 50));
        Evaluator evaluator = evaluator(8);
        assertThat(counts(cityInOctober(evaluator), "activities.participants-per-reader"))
                .containsEntry("populationServed", 150L);

        facts.on(new ServicePointRejected("sp-2", "不符合条件"));

        assertThat(counts(cityInOctober(evaluator), "activities.participants-per-reader"))
                .containsEntry("populationServed", 100L);
    }

    @Test
    @DisplayName("§7.1 counts kept by another version of the counting are computed again, not served")
    void keptByAnotherVersion() {
        Evaluator evaluator = evaluator(8);
        assertThat(loans(october(evaluator))).isOne();
        mongo.getCollection(KeptCounts.COLLECTION).updateOne(new Document("_id", "sp-1"), new Document("$set",
                new Document("periods." + OCTOBER_FROM + "_" + OCTOBER_TO + ".countedBy", PeriodFacts.COUNTED_BY - 1)));
        removeFactsBehindTheMarksBack();

        assertThat(loans(october(evaluator))).as("computed from the facts left").isZero();
    }

    @Test
    @DisplayName("a point keeps at most the configured number of periods, the oldest computed dropped first")
    void bounded() {
        Evaluator evaluator = evaluator(2);
        for (int month = 7; month <= 10; month++) {
            LocalDate from = LocalDate.of(2026, month, 1);
            evaluator.handle(new PointEvaluationQuery("sp-1", from, from.plusMonths(1).minusDays(1)));
        }
        Document periods = mongo.getCollection(KeptCounts.COLLECTION).find(new Document("_id", "sp-1")).first()
                .get("periods", Document.class);
        assertThat(periods.keySet()).containsExactlyInAnyOrder("2026-09-01_2026-09-30", "2026-10-01_2026-10-31");
    }

    @Test
    @DisplayName("kept counts read back are the counts written; counts kept in another shape are computed again")
    void countsReadBack() {
        PeriodFacts counted = evaluator(0).handle(new PointEvaluationQuery("sp-1", OCTOBER_FROM, OCTOBER_TO))
                .map(unused -> PeriodFacts.of(OCTOBER_FROM, OCTOBER_TO, EvaluationDay.of(mongo, "sp-1", OCTOBER_FROM,
                        OCTOBER_TO), PointDeposits.itemsAt(mongo, "sp-1"))).orElseThrow();
        Document written = KeptCounts.written(counted);
        assertThat(written.getLong("loans")).isOne();
        assertThat(written.getLong("itemsOnDeposit")).isEqualTo(4L);
        assertThat(KeptCounts.written(KeptCounts.read(written))).isEqualTo(written);

        written.remove("refreshesOnTime");
        assertThat(KeptCounts.read(written)).isNull();
    }

    @Test
    @DisplayName("a replay's reset drops the kept counts with the facts")
    void resetDropsThem() {
        october(evaluator(8));
        assertThat(mongo.collectionExists(KeptCounts.COLLECTION)).isTrue();

        facts.onReset();

        assertThat(mongo.collectionExists(KeptCounts.COLLECTION)).isFalse();
    }
}
