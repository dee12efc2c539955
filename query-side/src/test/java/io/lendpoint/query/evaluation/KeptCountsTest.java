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
import io.lendpoint.api.loanbatch.ItemsReturned;
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
    @DisplayName("§7.1 counts and parts kept by another version of the counting are computed again, not served")
    void keptByAnotherVersion() {
        Evaluator evaluator = evaluator(8);
        assertThat(loans(october(evaluator))).isOne();
        mongo.getCollection(KeptCounts.COLLECTION).updateOne(new Document("_id", "sp-1"), new Document("$set",
                new Document("periods." + OCTOBER_FROM + "_" + OCTOBER_TO + ".countedBy", PeriodFacts.COUNTED_BY - 1)));
        mongo.getCollection(KeptParts.COLLECTION).updateMany(new Document(), new Document("$set",
                new Document("countedBy", PeriodFacts.COUNTED_BY - 1)));
        removeFactsBehindTheMarksBack();

        assertThat(loans(october(evaluator))).as("computed from the facts left").isZero();
    }

    private static final LocalDate SEPTEMBER_FROM = LocalDate.of(2026, 9, 1);

    private long loansSeptemberToOctober(Evaluator evaluator) {
        return loans(evaluator.handle(new PointEvaluationQuery("sp-1", SEPTEMBER_FROM, OCTOBER_TO)).orElseThrow());
    }

    @Test
    @DisplayName("§7.1 when a period's counts are stale, its whole months whose facts did not change are taken from "
            + "their kept tallies, and only the changed month is read again")
    void unchangedMonthsKept() {
        lend("B", SEPTEMBER_FROM.plusDays(9));
        Evaluator evaluator = evaluator(8);
        assertThat(loansSeptemberToOctober(evaluator)).isEqualTo(2);
        mongo.getCollection(EvaluationDay.COLLECTION).deleteOne(new Document("_id", "sp-1|2026-09-10")); // B's day

        lend("C", OCTOBER_FROM.plusDays(19)); // October changed: the period's counts are stale

        assertThat(loansSeptemberToOctober(evaluator)).as("September's tally as kept, October read again: B, A, C")
                .isEqualTo(3);
        assertThat(loansSeptemberToOctober(evaluator(0))).as("with nothing kept: A and C").isEqualTo(2);
    }

    @Test
    @DisplayName("§7.1 a month's kept tally is stale once a fact of that month is written")
    void changedMonthReadAgain() {
        Evaluator evaluator = evaluator(8);
        assertThat(loansSeptemberToOctober(evaluator)).isOne();

        lend("B", SEPTEMBER_FROM.plusDays(14));

        assertThat(loansSeptemberToOctober(evaluator)).isEqualTo(2);
    }

    @Test
    @DisplayName("§7.1 the point's deposit as kept is used while it has not changed, and read again after it has")
    void depositKeptUntilChanged() {
        Evaluator evaluator = evaluator(8);
        assertThat(counts(october(evaluator), "collection.not-used-share")).containsEntry("itemsOnDeposit", 4L)
                .containsEntry("itemsNotUsed", 3L);
        mongo.dropCollection(DepositBatch.COLLECTION); // behind the marks' back

        lend("B", RECEIVED.plusDays(10)); // the period's counts stale, the deposit unchanged
        assertThat(counts(october(evaluator), "collection.not-used-share")).as("the deposit as kept")
                .containsEntry("itemsOnDeposit", 4L).containsEntry("itemsNotUsed", 2L);

        KeptCounts.depositChanged(mongo, "sp-1");
        assertThat(counts(october(evaluator), "collection.not-used-share")).as("read again: no batch left")
                .containsEntry("itemsOnDeposit", 0L);
    }

    @Test
    @DisplayName("§7.1 on random facts and periods, counts from kept parts are the counts computed from the facts, "
            + "as facts keep coming")
    void keptPartsCountAsTheFacts() {
        java.util.Random random = new java.util.Random(7);
        LocalDate first = LocalDate.of(2026, 3, 1);
        Evaluator keeping = evaluator(8);
        Evaluator computing = evaluator(0);
        String[] kinds = {"LOAN", "LOAN", "LOAN", "RENEWAL", "RETURN", "SATISFACTION", "ACTIVITY", "INSPECTION"};
        for (int round = 0; round < 6; round++) {
            for (int n = 0; n < 40; n++) {
                LocalDate day = first.plusDays(random.nextInt(270));
                FactKind kind = FactKind.valueOf(kinds[random.nextInt(kinds.length)]);
                long value = kind == FactKind.SATISFACTION ? 1 + random.nextInt(5)
                        : kind == FactKind.INSPECTION ? random.nextInt(3) : random.nextInt(30);
                String item = kind == FactKind.LOAN ? "b1/" + "ABCD".charAt(random.nextInt(4)) : null;
                EvaluationDay.store(mongo, new Fact("f" + round + "-" + n, kind, "sp-1", day, 1 + random.nextInt(3),
                        random.nextInt(2), value, kind == FactKind.LOAN ? "R-" + random.nextInt(12) : null, null,
                        item));
            }
            for (int n = 0; n < 8; n++) {
                LocalDate from = first.plusDays(random.nextInt(240));
                LocalDate to = from.plusDays(random.nextInt(n % 2 == 0 ? 100 : 20));
                PointEvaluationQuery query = new PointEvaluationQuery("sp-1", from, to);
                PointEvaluation computed = computing.handle(query).orElseThrow();
                LocalDate previousFrom = from.minusDays(java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
                List<Fact> all = EvaluationDay.of(mongo, "sp-1", previousFrom, to);
                List<DepositItem> deposit = PointDeposits.itemsAt(mongo, "sp-1");
                DepositItem.attachLoans(deposit, all);
                assertThat(computing.evaluate(new EvaluatedPoint("sp-1", "第一小学", "禅城区", 100), from, to, all,
                        deposit)).as("in one tally, from the facts alone").isEqualTo(computed);
                assertThat(keeping.handle(query).orElseThrow()).as("%s to %s, round %d", from, to, round)
                        .isEqualTo(computed);
                assertThat(keeping.handle(query).orElseThrow()).as("asked again").isEqualTo(computed);
            }
        }
        assertThat(mongo.getCollection(KeptParts.COLLECTION).countDocuments()).as("months and the deposit kept")
                .isGreaterThan(5);
    }

    @Test
    @DisplayName("a point keeps at most the configured number of periods, the oldest computed dropped first")
    void bounded() throws InterruptedException {
        Evaluator evaluator = evaluator(2);
        PointEvaluationQuery july = new PointEvaluationQuery("sp-1", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 31));
        PointEvaluationQuery august = new PointEvaluationQuery("sp-1", LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 8, 31));
        evaluator.handle(july);
        Thread.sleep(5);
        evaluator.handle(august);
        Thread.sleep(5);
        lend("B", LocalDate.of(2026, 7, 20)); // July's counts stale: computed again, now the newest
        evaluator.handle(july);
        Thread.sleep(5);

        evaluator.handle(new PointEvaluationQuery("sp-1", SEPTEMBER_FROM, LocalDate.of(2026, 9, 30)));

        Document periods = mongo.getCollection(KeptCounts.COLLECTION).find(new Document("_id", "sp-1")).first()
                .get("periods", Document.class);
        assertThat(periods.keySet()).as("August, the oldest computed, dropped; July kept though kept first")
                .containsExactlyInAnyOrder("2026-07-01_2026-07-31", "2026-09-01_2026-09-30");
    }

    @Test
    @DisplayName("§7.1 nothing kept is served once the marks are lost: a month kept with no facts, then given some, "
            + "is read again after the marks' collection is dropped")
    void marksDropped() {
        PointEvaluationQuery lateYear = new PointEvaluationQuery("sp-1", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31));
        Evaluator evaluator = evaluator(8);
        assertThat(loans(evaluator.handle(lateYear).orElseThrow())).isZero(); // December kept: no facts, no mark

        lend("B", LocalDate.of(2026, 12, 10)); // December marked
        mongo.dropCollection(KeptCounts.COLLECTION); // and every mark lost

        assertThat(loans(evaluator.handle(lateYear).orElseThrow())).isOne();
    }

    @Test
    @DisplayName("§7.1 items returned to the library change the kept deposit: their days at the point end")
    void returnedItemsLeaveTheDeposit() {
        Evaluator evaluator = evaluator(8);
        assertThat(counts(october(evaluator), "collection.turnover")).containsEntry("itemDaysOnDeposit", 124L);

        ItemsReturned back = new ItemsReturned("b1", "sp-1", List.of("A", "B"), RECEIVED.plusDays(19), 2);
        facts.on(back, ofBatch(back));

        assertThat(counts(october(evaluator), "collection.turnover")).as("A and B 20 days, C and D 31")
                .containsEntry("itemDaysOnDeposit", 102L);
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
    @DisplayName("a replay's reset drops the kept counts and parts with the facts")
    void resetDropsThem() {
        october(evaluator(8));
        assertThat(mongo.collectionExists(KeptCounts.COLLECTION)).isTrue();
        assertThat(mongo.collectionExists(KeptParts.COLLECTION)).isTrue();

        facts.onReset();

        assertThat(mongo.collectionExists(KeptCounts.COLLECTION)).isFalse();
        assertThat(mongo.collectionExists(KeptParts.COLLECTION)).isFalse();
    }
}
