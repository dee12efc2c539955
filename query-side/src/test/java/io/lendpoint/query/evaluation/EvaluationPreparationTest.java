package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.PointEvaluationQuery;
import io.lendpoint.query.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationPreparationTest {

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();

    private MongoTemplate mongo;

    private EvaluationPreparation preparation(Evaluator evaluator) {
        return new EvaluationPreparation(mongo, evaluator,
                new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
    }

    private Evaluator evaluator() {
        return new Evaluator(mongo, new EvaluationPolicy(
                EvaluationPolicyConfig.parse(EvaluationPolicyConfig.DEFAULT_WEIGHTS), 2.0, 1.0),
                new KeptCounts(mongo, 8));
    }

    private void twoPointsWithLoans() {
        mongo = store.template("preparation-test");
        mongo.save(new EvaluatedPoint("sp-1", "第一小学", "禅城区", 100));
        mongo.save(new EvaluatedPoint("sp-2", "第二小学", "南海区", 50));
        for (String point : List.of("sp-1", "sp-2")) {
            EvaluationDay.store(mongo, new Fact(point + "-loan-1", FactKind.LOAN, point, LocalDate.of(2026, 3, 10),
                    1, 1, 0, "R-1", null, null));
            EvaluationDay.store(mongo, new Fact(point + "-loan-2", FactKind.LOAN, point, LocalDate.of(2026, 10, 2),
                    1, 1, 0, "R-2", null, null));
        }
    }

    @Test
    @DisplayName("§7.1 every night every point's last 24 whole months are kept as tallies: a period first asked the "
            + "next day is summed from them, its whole months' days not read")
    void preparedMonthsServeTheFirstEvaluation() {
        twoPointsWithLoans();
        Evaluator evaluator = evaluator();

        assertThat(preparation(evaluator).prepare(LocalDate.of(2026, 11, 27))).isEqualTo(2);

        List<String> parts = new ArrayList<>();
        mongo.getCollection(KeptParts.COLLECTION).find(new Document("_id", new Document("$regex", "^sp-1\\|")))
                .forEach(part -> parts.add(part.getString("_id")));
        assertThat(parts).hasSize(25).contains("sp-1|2024-11", "sp-1|2026-10", "sp-1|deposit")
                .doesNotContain("sp-1|2026-11");
        mongo.dropCollection(EvaluationDay.COLLECTION); // behind the marks' back: only what was kept is left
        PointEvaluationQuery firstAsked = new PointEvaluationQuery("sp-1", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 10, 31));
        assertThat(evaluator.handle(firstAsked).orElseThrow().metrics()).filteredOn(
                        metric -> metric.code().equals("loans.per-active-reader")).singleElement()
                .satisfies(metric -> assertThat(metric.counts()).containsEntry("loans", 2L)
                        .containsEntry("borrowers", 2L));
    }

    @Test
    @DisplayName("the nightly run prepares on a thread of its own, leaving the scheduler's thread free")
    void nightlyRunOnItsOwnThread() throws InterruptedException {
        twoPointsWithLoans();
        List<String> preparedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        Evaluator evaluator = new Evaluator(mongo, new EvaluationPolicy(
                EvaluationPolicyConfig.parse(EvaluationPolicyConfig.DEFAULT_WEIGHTS), 2.0, 1.0),
                new KeptCounts(mongo, 8)) {
            @Override
            void prepare(String servicePointId, LocalDate from, LocalDate to) {
                preparedOn.add(Thread.currentThread().getName());
                super.prepare(servicePointId, from, to);
            }
        };

        preparation(evaluator).prepareEveryNight();

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (mongo.getCollection(KeptParts.COLLECTION).countDocuments() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(mongo.getCollection(KeptParts.COLLECTION).countDocuments()).as("24 months and a deposit, twice")
                .isEqualTo(50);
        assertThat(preparedOn).containsExactly("evaluation-preparation", "evaluation-preparation");
    }

    /** An evaluator that counts what it prepares and holds each point until {@code release} opens. */
    private Evaluator counting(List<String> prepared, java.util.concurrent.CountDownLatch release) {
        return new Evaluator(mongo, new EvaluationPolicy(
                EvaluationPolicyConfig.parse(EvaluationPolicyConfig.DEFAULT_WEIGHTS), 2.0, 1.0),
                new KeptCounts(mongo, 8)) {
            @Override
            void prepare(String servicePointId, LocalDate from, LocalDate to) {
                try {
                    assertThat(release.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                prepared.add(servicePointId);
                super.prepare(servicePointId, from, to);
            }
        };
    }

    @Test
    @DisplayName("§7.1 in distributed mode one query-side instance prepares each night: another firing while it "
            + "runs, or within the hour after its start, prepares nothing")
    void oneInstancePreparesEachNight() throws InterruptedException {
        twoPointsWithLoans();
        List<String> first = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> second = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(0);
        EvaluationPreparation one = preparation(counting(first, release));
        EvaluationPreparation other = preparation(counting(second, open));

        Thread running = one.prepareEveryNight();
        assertThat(running).as("the first instance takes the night's lock").isNotNull();
        assertThat(other.prepareEveryNight()).as("the other fires while the first prepares").isNull();
        release.countDown();
        running.join(20_000);
        assertThat(running.isAlive()).isFalse();
        assertThat(other.prepareEveryNight()).as("the other fires a few minutes late, after the first ended").isNull();

        assertThat(first).containsExactlyInAnyOrder("sp-1", "sp-2");
        assertThat(second).isEmpty();
        Document lock = mongo.getCollection(EvaluationPreparation.LOCKS).find(
                new Document("_id", EvaluationPreparation.LOCK)).first();
        assertThat(lock).isNotNull();
        // the hour counts from the instant the lock was asked for, a millisecond or so before it was written
        assertThat(java.time.Duration.between(lock.getDate("lockedAt").toInstant(),
                lock.getDate("lockUntil").toInstant())).as("released, but held an hour from its start")
                .isBetween(EvaluationPreparation.LOCK_AT_LEAST.minusSeconds(5), EvaluationPreparation.LOCK_AT_LEAST);
    }

    @Test
    @DisplayName("§7.1 a night's lock left by an instance that died while preparing is taken again once it has run "
            + "out, not before")
    void lockOfADeadInstanceRunsOut() throws InterruptedException {
        twoPointsWithLoans();
        List<String> prepared = new java.util.concurrent.CopyOnWriteArrayList<>();
        EvaluationPreparation preparation = preparation(counting(prepared, new java.util.concurrent.CountDownLatch(0)));
        java.time.Instant now = java.time.Instant.now();
        mongo.getCollection(EvaluationPreparation.LOCKS).insertOne(new Document("_id", EvaluationPreparation.LOCK)
                .append("lockUntil", java.util.Date.from(now.plusSeconds(60)))
                .append("lockedAt", java.util.Date.from(now.minus(EvaluationPreparation.LOCK_AT_MOST)))
                .append("lockedBy", "query-side-2"));

        assertThat(preparation.prepareEveryNight()).as("still held").isNull();
        assertThat(prepared).isEmpty();

        mongo.getCollection(EvaluationPreparation.LOCKS).updateOne(new Document("_id", EvaluationPreparation.LOCK),
                new Document("$set", new Document("lockUntil", java.util.Date.from(now.minusSeconds(1)))));
        Thread running = preparation.prepareEveryNight();
        assertThat(running).as("run out").isNotNull();
        running.join(20_000);
        assertThat(prepared).containsExactlyInAnyOrder("sp-1", "sp-2");
    }
}
