package io.lendpoint.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standalone backend as a separate JVM, so that a test can kill it the hard way. */
public final class StandaloneProcess {

    /** What Spring Boot logs once its web server listens; the port is the child's own choice. */
    private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;
    private int port;

    private StandaloneProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static StandaloneProcess start(Path data, String name, String... extraArguments) {
        Path log = data.resolveSibling(data.getFileName() + "-" + name + ".log");
        List<String> arguments = new java.util.ArrayList<>(List.of("--lendpoint.data-dir=" + data,
                "--lendpoint.mongo.port=0"));
        arguments.addAll(List.of(extraArguments));
        return launch(StandaloneApplication.class, log, Duration.ofSeconds(120), arguments.toArray(String[]::new));
    }

    /**
     * Any Spring Boot application of the test class path (the standalone backend, or the benchmark's bare web
     * application) in a fresh JVM with {@code -Xmx512m}, its output in {@code log}; returns once
     * {@code /actuator/health} answers 200. The child binds a port of its own choice and its log says which: a port
     * probed free here and handed over could be taken in between — once by the child's own embedded MongoDB-wire
     * server, which binds any free port too (a city benchmark run failed so).
     */
    public static StandaloneProcess launch(Class<?> main, Path log, Duration timeout, String... arguments) {
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m",
                    "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                    main.getName(), "--server.port=0", "--spring.main.banner-mode=off"));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            StandaloneProcess started = new StandaloneProcess(process, log);
            started.awaitHealthy(timeout);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    Api api() {
        return Api.at(port);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("process died while starting:\n" + logTail());
            }
            try {
                if ((port != 0 || listening()) && api().get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50); // the benchmark times start-ups by this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("process not healthy within " + timeout + ":\n" + logTail());
    }

    /** Whether the log says the web server listens (and on which port: kept). */
    private boolean listening() {
        try {
            Matcher found = LISTENING.matcher(Files.readString(log));
            if (found.find()) {
                port = Integer.parseInt(found.group(1));
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
