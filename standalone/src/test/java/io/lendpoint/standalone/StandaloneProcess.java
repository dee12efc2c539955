package io.lendpoint.standalone;

import io.lendpoint.testing.SpringBootProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The standalone backend (or the benchmark's bare web application) as a separate JVM: {@link SpringBootProcess}. */
public final class StandaloneProcess {

    private final SpringBootProcess process;

    private StandaloneProcess(SpringBootProcess process) {
        this.process = process;
    }

    static StandaloneProcess start(Path data, String name, String... extraArguments) {
        Path log = data.resolveSibling(data.getFileName() + "-" + name + ".log");
        List<String> arguments = new ArrayList<>(List.of("--lendpoint.data-dir=" + data, "--lendpoint.mongo.port=0"));
        arguments.addAll(List.of(extraArguments));
        return launch(StandaloneApplication.class, log, Duration.ofSeconds(120), arguments.toArray(String[]::new));
    }

    /**
     * Any Spring Boot application of the test class path in a fresh JVM with {@code -Xmx512m}, its output in
     * {@code log}; returns once {@code /actuator/health} answers 200, polled every 50 ms (the benchmark times
     * start-ups by this).
     */
    public static StandaloneProcess launch(Class<?> main, Path log, Duration timeout, String... arguments) {
        return new StandaloneProcess(SpringBootProcess.launch(main, log, timeout, Duration.ofMillis(50), arguments));
    }

    public int port() {
        return process.port();
    }

    public long pid() {
        return process.pid();
    }

    Api api() {
        return Api.at(process.port());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void killHard() throws InterruptedException {
        process.killHard();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() throws InterruptedException {
        process.stop();
    }

    String logTail() {
        return process.logTail(40);
    }
}
