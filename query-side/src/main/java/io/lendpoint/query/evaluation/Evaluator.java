package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.AreaEvaluationQuery;
import io.lendpoint.api.evaluation.EvaluationRanking;
import io.lendpoint.api.evaluation.EvaluationRankingQuery;
import io.lendpoint.api.evaluation.MetricValue;
import io.lendpoint.api.evaluation.PointEvaluation;
import io.lendpoint.api.evaluation.PointEvaluationQuery;
import jakarta.annotation.PreDestroy;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * §7.1: evaluates points over a period from the evaluation facts: every metric with its counts, a weighted composite,
 * the trend against the period of the same length just before, and a ranking across points. Computed on demand from
 * the facts, so the figures for a past period are the same whether the facts were projected live or replayed.
 */
@Component
class Evaluator {

    static final String COMPOSITE_FORMULA = "100 × Σ(weight × score) ÷ Σ(weight) over the weighted metrics that "
            + "apply; score: a share as is, a share where less is better as 1 − share, turnover and participation as "
            + "value ÷ (yearly target × days ÷ 365), at most 1";

    /** The city's name in its evaluation. */
    private static final String CITY = "全市 City";

    /**
     * Points read at once by an evaluation of many: a point's read waits on the store's thread, which deserialises
     * and encodes its documents, so reading points side by side keeps the store busy on every core (issue 8; figures
     * in docs/benchmarks.md). Each point is let go once counted, so the heap holds no more than this many points'
     * facts at a time.
     */
    static final int POINTS_AT_ONCE = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * Time limits of the evaluations of many points, which grow with the city: 22–41 s for the city's year at 2,000
     * points (issue 8), where Axon's default of 30 s per query handler interrupted it and the analyst got an error.
     * The query bus's own limit is raised to match ({@code axon.timeout.transaction.query-bus} in
     * lendpoint-platform.yml); a longer answer is abandoned with a problem saying so.
     */
    static final int AREA_TIMEOUT_MS = 600_000;
    static final int AREA_WARNING_MS = 60_000;

    private final MongoTemplate mongo;
    private final EvaluationPolicy policy;
    private final KeptCounts kept;
    private final ExecutorService readers = Executors.newFixedThreadPool(POINTS_AT_ONCE, runnable -> {
        Thread thread = new Thread(runnable, "evaluation-reader");
        thread.setDaemon(true);
        return thread;
    });

    Evaluator(MongoTemplate mongo, EvaluationPolicy policy, KeptCounts kept) {
        this.mongo = mongo;
        this.policy = policy;
        this.kept = kept;
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    @QueryHandler
    Optional<PointEvaluation> handle(PointEvaluationQuery query) {
        EvaluatedPoint point = mongo.findById(query.servicePointId(), EvaluatedPoint.class);
        if (point == null) {
            return Optional.empty();
        }
        Periods periods = periodsOf(point.servicePointId(), query.from(), query.to(), readers);
        return Optional.of(evaluate(point, query.from(), query.to(), periods.now(), periods.before()));
    }

    /**
     * Point by point ({@link #POINTS_AT_ONCE} at a time), each read by key and let go once evaluated: reading the
     * whole city's facts at once does not fit a 512 MB heap at 200 points (issue 8's city benchmark ran the
     * standalone JVM out of memory that way).
     */
    @QueryHandler
    @MessageHandlerTimeout(timeoutMs = AREA_TIMEOUT_MS, warningThresholdMs = AREA_WARNING_MS)
    EvaluationRanking handle(EvaluationRankingQuery query) {
        Query points = query.district() == null ? new Query()
                : Query.query(Criteria.where("district").is(query.district()));
        List<PointEvaluation> evaluations = pointByPoint(mongo.find(points, EvaluatedPoint.class), point -> {
                    Periods periods = periodsOf(point.servicePointId(), query.from(), query.to());
                    return evaluate(point, query.from(), query.to(), periods.now(), periods.before());
                }).stream()
                .sorted(Comparator.comparing(PointEvaluation::composite, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(PointEvaluation::servicePointId))
                .toList();
        List<EvaluationRanking.Entry> entries = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            PointEvaluation evaluation = evaluations.get(i);
            entries.add(new EvaluationRanking.Entry(evaluation.composite() == null ? null : i + 1,
                    evaluation.servicePointId(), evaluation.name(), evaluation.district(), evaluation.composite(),
                    evaluation.previousComposite(), change(evaluation.composite(), evaluation.previousComposite())));
        }
        return new EvaluationRanking(query.from(), query.to(), query.district(), entries);
    }

    /**
     * The city or a district as one: the sum of its points' counts, their population summed, read point by point
     * (as the ranking). A reader is counted at the point where they borrow. The city's counts are kept as a point's
     * are ({@link KeptCounts}), under marks that any point's change changes.
     */
    @QueryHandler
    @MessageHandlerTimeout(timeoutMs = AREA_TIMEOUT_MS, warningThresholdMs = AREA_WARNING_MS)
    PointEvaluation handle(AreaEvaluationQuery query) {
        LocalDate previousFrom = previousFrom(query.from(), query.to());
        KeptCounts.Lookup city = query.district() == null
                ? kept.lookUp(KeptCounts.CITY, previousFrom, query.from(), query.to()) : null; // before the points
        if (city != null && city.found() && city.population() != null) {
            return evaluate(new EvaluatedPoint(null, CITY, null, city.population()), query.from(), query.to(),
                    city.now(), city.before());
        }
        List<EvaluatedPoint> points = mongo.find(query.district() == null ? new Query()
                : Query.query(Criteria.where("district").is(query.district())), EvaluatedPoint.class);
        PeriodFacts now = PeriodFacts.of(query.from(), query.to(), List.of(), List.of());
        PeriodFacts before = PeriodFacts.of(previousFrom, query.from().minusDays(1), List.of(), List.of());
        for (Periods periods : pointByPoint(points, point -> periodsOf(point.servicePointId(), query.from(),
                query.to()))) {
            now = now.plus(periods.now());
            before = before.plus(periods.before());
        }
        EvaluatedPoint area = new EvaluatedPoint(null, query.district() == null ? CITY : query.district(),
                query.district(), points.stream().mapToInt(EvaluatedPoint::populationServed).sum());
        if (city != null) {
            kept.keep(city, now, before, area.populationServed());
        }
        return evaluate(area, query.from(), query.to(), now, before);
    }

    /** Computes and keeps one point's counts of the period and of the one before it, and their parts. */
    void prepare(String servicePointId, LocalDate from, LocalDate to) {
        periodsOf(servicePointId, from, to);
    }

    /** {@code work} on every point, {@link #POINTS_AT_ONCE} at a time; the results in the order of the points. */
    private <T> List<T> pointByPoint(List<EvaluatedPoint> points, Function<EvaluatedPoint, T> work) {
        List<CompletableFuture<T>> pending = points.stream()
                .map(point -> CompletableFuture.supplyAsync(() -> work.apply(point), readers)).toList();
        List<T> results = new ArrayList<>(points.size());
        try {
            pending.forEach(point -> results.add(joined(point)));
        } catch (RuntimeException failed) {
            pending.forEach(point -> point.cancel(false));
            throw failed;
        }
        return results;
    }

    /** The result of {@code work}, or what it threw. */
    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /**
     * One point's counts over the period and the period of the same length before it: as kept ({@link KeptCounts})
     * while none of their facts has changed, else computed from the facts, read by key, and kept.
     */
    private Periods periodsOf(String servicePointId, LocalDate from, LocalDate to) {
        return periodsOf(servicePointId, from, to, Runnable::run);
    }

    /**
     * The same, its deposit read by {@code depositReader} while its facts are read here: for one point alone, the
     * two reads side by side ({@link #readers}); from a reader, in turn (its own thread: a reader waiting on another
     * could wait on a queue of readers all waiting).
     */
    private Periods periodsOf(String servicePointId, LocalDate from, LocalDate to, Executor depositReader) {
        LocalDate previousFrom = previousFrom(from, to);
        KeptCounts.Lookup lookup = kept.lookUp(servicePointId, previousFrom, from, to); // before the facts
        if (lookup.found()) {
            return new Periods(lookup.now(), lookup.before());
        }
        KeptParts parts = kept.parts(lookup, previousFrom, to);
        CompletableFuture<List<DepositItem>> reading = parts.deposit() != null
                ? CompletableFuture.completedFuture(parts.deposit())
                : CompletableFuture.supplyAsync(() -> PointDeposits.itemsAt(mongo, servicePointId), depositReader);
        // the two periods in pieces of at most a month: a whole month's tally kept or counted, the others counted
        List<Piece> pieces = new ArrayList<>();
        pieces.addAll(Piece.of(previousFrom, from.minusDays(1), false));
        pieces.addAll(Piece.of(from, to, true));
        List<LocalDate> days = new ArrayList<>();
        for (Piece piece : pieces) {
            if (!piece.wholeMonth() || parts.month(piece.month()) == null) {
                piece.from().datesUntil(piece.to().plusDays(1)).forEach(days::add);
            }
        }
        Map<YearMonth, List<Fact>> factsByMonth = EvaluationDay.of(mongo, servicePointId, days).stream()
                .collect(Collectors.groupingBy(fact -> YearMonth.from(fact.day())));
        Tally now = new Tally();
        Tally before = new Tally();
        Map<YearMonth, Tally> counted = new LinkedHashMap<>();
        for (Piece piece : pieces) {
            Tally tally = piece.wholeMonth() ? parts.month(piece.month()) : null;
            if (tally == null) {
                tally = Tally.of(piece.from(), piece.to(), factsByMonth.getOrDefault(piece.month(), List.of()));
                if (piece.wholeMonth()) {
                    counted.put(piece.month(), tally);
                }
            }
            (piece.now() ? now : before).add(tally);
        }
        List<DepositItem> deposit = joined(reading);
        kept.keepParts(lookup, counted, parts.deposit() == null ? deposit : null);
        Periods periods = new Periods(PeriodFacts.of(from, to, now, deposit),
                PeriodFacts.of(previousFrom, from.minusDays(1), before, deposit));
        kept.keep(lookup, periods.now(), periods.before());
        return periods;
    }

    /** Days of one period within one month: {@code now}, of the period evaluated, else of the one before. */
    private record Piece(YearMonth month, LocalDate from, LocalDate to, boolean now) {

        static List<Piece> of(LocalDate from, LocalDate to, boolean now) {
            List<Piece> pieces = new ArrayList<>();
            for (LocalDate start = from; !start.isAfter(to); ) {
                YearMonth month = YearMonth.from(start);
                LocalDate end = month.atEndOfMonth().isBefore(to) ? month.atEndOfMonth() : to;
                pieces.add(new Piece(month, start, end, now));
                start = end.plusDays(1);
            }
            return pieces;
        }

        boolean wholeMonth() {
            return from.getDayOfMonth() == 1 && to.equals(month.atEndOfMonth());
        }
    }

    private record Periods(PeriodFacts now, PeriodFacts before) {
    }

    PointEvaluation evaluate(EvaluatedPoint point, LocalDate from, LocalDate to, Collection<Fact> facts,
                             Collection<DepositItem> deposit) {
        return evaluate(point, from, to, PeriodFacts.of(from, to, facts, deposit),
                PeriodFacts.of(previousFrom(from, to), from.minusDays(1), facts, deposit));
    }

    private PointEvaluation evaluate(EvaluatedPoint point, LocalDate from, LocalDate to, PeriodFacts now,
                                     PeriodFacts before) {
        LocalDate previousFrom = before.from();
        LocalDate previousTo = before.to();
        List<MetricValue> metrics = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        double previousWeighted = 0;
        double previousWeights = 0;
        for (Metric metric : Metric.values()) {
            Metric.Outcome outcome = metric.compute(now, point);
            Metric.Outcome previous = metric.compute(before, point);
            Double score = metric.score(outcome.value(), now.days(), policy);
            Double previousScore = metric.score(previous.value(), before.days(), policy);
            double weight = policy.weightOf(metric);
            if (score != null && weight > 0) {
                weighted += weight * score;
                weights += weight;
            }
            if (previousScore != null && weight > 0) {
                previousWeighted += weight * previousScore;
                previousWeights += weight;
            }
            metrics.add(new MetricValue(metric.code, metric.version, metric.nameZh, metric.nameEn, metric.formula,
                    metric.unit, round(outcome.value()), outcome.notApplicable(), outcome.counts(), round(score),
                    round(previous.value()), change(round(outcome.value()), round(previous.value()))));
        }
        Map<String, Double> usedWeights = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (policy.weightOf(metric) > 0) {
                usedWeights.put(metric.code, policy.weightOf(metric));
            }
        }
        return new PointEvaluation(point.servicePointId(), point.name(), point.district(), from, to, metrics,
                weights == 0 ? null : round(100 * weighted / weights), COMPOSITE_FORMULA, usedWeights,
                previousWeights == 0 ? null : round(100 * previousWeighted / previousWeights), previousFrom,
                previousTo);
    }

    private static LocalDate previousFrom(LocalDate from, LocalDate to) {
        return from.minusDays(ChronoUnit.DAYS.between(from, to) + 1);
    }

    private static Double change(Double now, Double before) {
        return now == null || before == null ? null : round(now - before);
    }

    /** Four decimals: enough for shares and scores, and the same figures on every run. */
    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
