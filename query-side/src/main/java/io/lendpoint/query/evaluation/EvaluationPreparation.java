package io.lendpoint.query.evaluation;

import io.lendpoint.api.LibraryTime;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
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
 * <p>
 * In distributed mode several query-side instances share one MongoDB, and each has this schedule: only the one that
 * takes the night's lock ({@value #LOCK}, a document in {@value #LOCKS}, by ShedLock) prepares. The lock is held
 * while the run lasts, and at least {@link #LOCK_AT_LEAST} from its start, so an instance whose clock runs a few
 * minutes late does not prepare again after a short run; an instance that dies while preparing leaves it for at
 * most {@link #LOCK_AT_MOST}, after which the next night's run takes it (that night's points not prepared are
 * computed at their first evaluation, as before).
 */
@Component
class EvaluationPreparation {

    private static final Logger log = LoggerFactory.getLogger(EvaluationPreparation.class);

    /** The collection of the query side's scheduled-job locks, and the name of this job's. */
    static final String LOCKS = "scheduled_job_locks";
    static final String LOCK = "evaluation-preparation";
    static final Duration LOCK_AT_LEAST = Duration.ofHours(1);
    static final Duration LOCK_AT_MOST = Duration.ofHours(6);

    private final MongoTemplate mongo;
    private final Evaluator evaluator;
    private final Clock clock;
    private final LockProvider locks;
    private final AtomicBoolean running = new AtomicBoolean();

    EvaluationPreparation(MongoTemplate mongo, Evaluator evaluator, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.evaluator = evaluator;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.locks = new MongoLockProvider(mongo.getCollection(LOCKS));
    }

    /**
     * Starts the night's preparation on a thread of its own, if this instance takes the lock; the thread, or
     * {@code null} when another run (here or on another instance) has it.
     */
    @Scheduled(cron = "${lendpoint.evaluation.prepare-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    Thread prepareEveryNight() {
        if (!running.compareAndSet(false, true)) {
            log.warn("evaluation parts: the last preparation is still running; this one is skipped");
            return null;
        }
        Optional<SimpleLock> lock;
        try {
            lock = locks.lock(new LockConfiguration(ClockProvider.now(), LOCK, LOCK_AT_MOST, LOCK_AT_LEAST));
        } catch (RuntimeException e) {
            running.set(false);
            log.warn("evaluation parts: the preparation's lock could not be taken; not prepared tonight: {}",
                    e.toString());
            return null;
        }
        if (lock.isEmpty()) {
            running.set(false);
            log.info("evaluation parts: another query-side instance prepares (or prepared) tonight; skipped here");
            return null;
        }
        // on a thread of its own: the scheduler's one thread also retries dead letters and mail
        Thread thread = new Thread(() -> {
            try {
                prepare(LibraryTime.today(clock));
            } finally {
                try {
                    lock.get().unlock();
                } finally {
                    running.set(false);
                }
            }
        }, "evaluation-preparation");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
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
