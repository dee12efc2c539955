package io.lendpoint.platform.messaging;

import org.axonframework.messaging.timeout.AxonTimeoutException;

import java.util.function.Supplier;

/**
 * One running time limit on the thread that started it: what Axon's own {@code AxonTimeLimitedTask} does (a warning
 * after a threshold, then one every interval, and an interrupt at the limit, turned into an
 * {@link AxonTimeoutException}), without its cost at the start. Axon 4.13.0 walks the whole stack of the thread each
 * time a limit starts, only to shorten the stack trace a warning would print (AxonFramework#4637, fixed in 4.13.2,
 * which is not served here), and schedules the first warning on its janitor thread. Here starting a limit is one
 * insertion into the {@link TimeLimitWatchdog}'s set, which looks at every limit on a tick of its own; the stack is
 * read only when a warning or the interrupt is logged, and the task's name only then too.
 *
 * <p>Where it differs from Axon's: a limit is warned about or interrupted within a tick (100 ms) after its time, not
 * to the millisecond; a negative timeout never interrupts (Axon 4.13.0 interrupts at once); a logged stack is cut at
 * 40 lines; the log lines come from {@link TimeLimitWatchdog}'s logger, not Axon's {@code axon-janitor}.
 */
final class TimeLimit {

    private final Supplier<String> name;
    private final Thread thread;
    private final long startNanos;
    private final long timeoutNanos;
    private final long warningIntervalNanos;
    private final TimeLimitWatchdog watchdog;
    private long nextWarningNanos;
    private boolean completed;
    private volatile boolean interrupted;

    private TimeLimit(Supplier<String> name, int timeoutMs, int warningThresholdMs, int warningIntervalMs,
                      TimeLimitWatchdog watchdog) {
        this.name = name;
        this.thread = Thread.currentThread();
        this.watchdog = watchdog;
        this.startNanos = watchdog.nanoTime();
        this.timeoutNanos = timeoutMs < 0 ? Long.MAX_VALUE : timeoutMs * 1_000_000L;
        this.warningIntervalNanos = Math.max(1, warningIntervalMs) * 1_000_000L;
        this.nextWarningNanos = warningThresholdMs < 0 || (timeoutMs >= 0 && warningThresholdMs >= timeoutMs)
                ? Long.MAX_VALUE : startNanos + warningThresholdMs * 1_000_000L;
    }

    /**
     * Starts a limit on the current thread. A negative {@code timeoutMs} never interrupts; a negative
     * {@code warningThresholdMs}, or one at or past the limit, never warns.
     */
    static TimeLimit start(Supplier<String> name, int timeoutMs, int warningThresholdMs, int warningIntervalMs,
                           TimeLimitWatchdog watchdog) {
        TimeLimit limit = new TimeLimit(name, timeoutMs, warningThresholdMs, warningIntervalMs, watchdog);
        watchdog.watch(limit);
        return limit;
    }

    /** The task is done: no warning and no interrupt after this. */
    void complete() {
        synchronized (this) {
            completed = true;
        }
        watchdog.forget(this);
    }

    /** Whether the limit interrupted the thread. */
    boolean isInterrupted() {
        return interrupted;
    }

    /**
     * After a task ended normally: if the limit interrupted it and something below swallowed the interrupt, an
     * {@link AxonTimeoutException}; if something else interrupted the thread, an {@link InterruptedException} with
     * the thread's interrupt status kept (as Axon's own limit does).
     */
    void ensureNoInterruptionWasSwallowed() throws InterruptedException {
        if (interrupted) {
            Thread.interrupted();
            throw new AxonTimeoutException(name() + " has timed out");
        }
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new InterruptedException(name() + " was interrupted");
        }
    }

    /** What to throw for an exception the task ended with: the timeout if the limit interrupted it, else {@code e}. */
    Exception detectInterruptionInsteadOfException(Exception e) {
        if (interrupted) {
            Thread.interrupted();
            AxonTimeoutException timeout = new AxonTimeoutException(name() + " has timed out");
            timeout.addSuppressed(e);
            return timeout;
        }
        return e;
    }

    private String name() {
        try {
            return name.get();
        } catch (RuntimeException e) {
            return "A task (its name failed: " + e + ")";
        }
    }

    /** Called by the watchdog on its tick: warns or interrupts when due. Returns whether to keep watching. */
    boolean check(long nowNanos) {
        synchronized (this) {
            if (completed || interrupted) {
                return false;
            }
            long taken = nowNanos - startNanos;
            if (taken >= timeoutNanos) {
                watchdog.logInterrupt(name(), thread, timeoutNanos / 1_000_000L);
                interrupted = true;
                thread.interrupt();
                return false;
            }
            if (nowNanos >= nextWarningNanos) {
                long remaining = timeoutNanos == Long.MAX_VALUE ? -1 : (timeoutNanos - taken) / 1_000_000L;
                watchdog.logWarning(name(), thread, taken / 1_000_000L, remaining);
                nextWarningNanos = nowNanos + warningIntervalNanos;
            }
            return true;
        }
    }
}
