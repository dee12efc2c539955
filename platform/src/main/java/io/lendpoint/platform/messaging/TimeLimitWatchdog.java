package io.lendpoint.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the running {@link TimeLimit}s from one daemon thread that wakes every tick (100 ms for the
 * {@link #SHARED} one): a limit is warned about or interrupted within a tick of its time. Starting and completing a
 * limit costs an insertion into and a removal from a concurrent set, and wakes no thread. The stack of a limited
 * thread is read only for a log line, when a warning or the interrupt is due.
 */
class TimeLimitWatchdog {

    /** The watchdog of every time limit of the application. */
    static final TimeLimitWatchdog SHARED = new TimeLimitWatchdog(Duration.ofMillis(100), "lendpoint-time-limits");

    private static final Logger log = LoggerFactory.getLogger(TimeLimitWatchdog.class);
    private static final int STACK_LINES = 40;

    private final Set<TimeLimit> running = ConcurrentHashMap.newKeySet();
    private final long tickMillis;
    private final String threadName;
    private volatile Thread thread;

    TimeLimitWatchdog(Duration tick, String threadName) {
        this.tickMillis = Math.max(1, tick.toMillis());
        this.threadName = threadName;
    }

    long nanoTime() {
        return System.nanoTime();
    }

    void watch(TimeLimit limit) {
        running.add(limit);
        Thread watching = thread;
        if (watching == null || !watching.isAlive()) {
            startThread();
        }
    }

    void forget(TimeLimit limit) {
        running.remove(limit);
    }

    /** How many limits are being watched (for tests). */
    int watched() {
        return running.size();
    }

    private synchronized void startThread() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        Thread watching = new Thread(this::watchUntilInterrupted, threadName);
        watching.setDaemon(true);
        watching.setContextClassLoader(TimeLimitWatchdog.class.getClassLoader());
        watching.start();
        thread = watching;
    }

    /** Stops watching (for tests; the shared watchdog runs as long as the JVM). */
    synchronized void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void watchUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = nanoTime();
            for (TimeLimit limit : running) {
                try {
                    if (!limit.check(now)) {
                        running.remove(limit);
                    }
                } catch (RuntimeException e) {
                    log.warn("time limit not checked", e);
                }
            }
        }
    }

    void logWarning(String task, Thread limited, long takenMs, long remainingMs) {
        log.warn("{} on thread [{}] is taking a long time to process. Current time: [{}ms]. Will be interrupted in "
                + "[{}ms].\nStack trace of that thread:\n{}", task, limited.getName(), takenMs,
                remainingMs < 0 ? "never" : remainingMs, stackOf(limited));
    }

    void logInterrupt(String task, Thread limited, long timeoutMs) {
        log.error("{} has exceeded its timeout of [{}ms]. Interrupting thread [{}].\nStack trace of that thread:\n{}",
                task, timeoutMs, limited.getName(), stackOf(limited));
    }

    private static String stackOf(Thread thread) {
        StringBuilder lines = new StringBuilder();
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < stack.length && i < STACK_LINES; i++) {
            lines.append("\tat ").append(stack[i]).append('\n');
        }
        if (stack.length > STACK_LINES) {
            lines.append("\t... ").append(stack.length - STACK_LINES).append(" more\n");
        }
        return lines.toString();
    }
}
