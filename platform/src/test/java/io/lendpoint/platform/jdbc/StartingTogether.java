package io.lendpoint.platform.jdbc;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Instances of distributed mode starting at the same moment on a new PostgreSQL database ({@link LocalPostgres}):
 * each round takes a new database and releases all the instances' start-up work at once. A start-up that fails
 * fails the test with its exception.
 */
public final class StartingTogether {

    /** A component's start-up work on a database. */
    @FunctionalInterface
    public interface StartUp {
        void run(DataSource database) throws Exception;
    }

    private StartingTogether() {
    }

    /** {@code rounds} new databases, on each {@code instances} start-ups released together; returns the databases. */
    public static List<DataSource> onNewDatabases(int rounds, int instances, StartUp startUp) throws Exception {
        List<DataSource> databases = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < rounds; round++) {
                DataSource database = LocalPostgres.server().newDatabase();
                databases.add(database);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> started = new ArrayList<>();
                for (int instance = 0; instance < instances; instance++) {
                    started.add(threads.submit(() -> {
                        start.await();
                        startUp.run(database);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> instance : started) {
                    try {
                        instance.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return databases;
    }
}
