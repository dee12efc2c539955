package io.lendpoint.query.evaluation;

import io.lendpoint.api.LibraryTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * §7.1, issue 8: prepares what evaluations are summed from before anyone asks. Every night
 * ({@code lendpoint.evaluation.prepare-cron}, 02:30 in the library's time zone; {@code -} never) every evaluated
 * point's last twelve whole months are evaluated against the twelve before them, which keeps the tallies of those
 * 24 months and the point's deposit ({@link KeptParts}) and that year's counts ({@link KeptCounts}). A period first
 * asked the next day then reads only the days of its partial months and of months changed since (at 500 points: a
 * point about 5–9 ms instead of 40–57 ms, the city about 60 ms instead of 4.6 s; docs/benchmarks.md). One point at a
 * time on a low-priority thread of its own, one run at a time; a point that fails is logged and left to its first
 * evaluation.
 */
@Component
class EvaluationPreparation {

    private static final Logger log = LoggerFactory.getLogger(EvaluationPreparation.class);

    private final MongoTemplate mongo;
    private final Evaluator evaluator;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    EvaluationPreparation(MongoTemplate mongo, Evaluator evaluator, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.evaluator = evaluator;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${lendpoint.evaluation.prepare-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void prepareEveryNight() {
        if (running.compareAndSet(false, true)) {
            // on a thread of its own: the scheduler's one thread also retries dead letters and mail
            Thread thread = new Thread(() -> {
                try {
                    prepare(LibraryTime.today(clock));
                } finally {
                    running.set(false);
                }
            }, "evaluation-preparation");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        } else {
            log.warn("evaluation parts: the last preparation is still running; this one is skipped");
        }
    }

    /** Prepares every evaluated point's twelve whole months before {@code today}'s; how many points were prepared. */
    int prepare(LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        LocalDate from = last.minusMonths(11).atDay(1);
        LocalDate to = last.atEndOfMonth();
        long start = System.nanoTime();
        int prepared = 0;
        for (EvaluatedPoint point : mongo.findAll(EvaluatedPoint.class)) {
            try {
                evaluator.prepare(point.servicePointId(), from, to);
                prepared++;
            } catch (RuntimeException e) {
                log.warn("evaluation parts of {} not prepared: {}", point.servicePointId(), e.toString());
            }
        }
        log.info("evaluation parts prepared for {} points, {} to {}, in {} ms", prepared, from, to,
                (System.nanoTime() - start) / 1_000_000);
        return prepared;
    }
}
