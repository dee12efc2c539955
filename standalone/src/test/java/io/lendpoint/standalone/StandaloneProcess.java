package io.lendpoint.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The standalone backend as a separate JVM, so that a test can kill it the hard way. */
public final class StandaloneProcess {

    private final Process process;
    private final Path log;
    final int port;

    private StandaloneProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
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
     * application) in a fresh JVM with {@code -Xmx512m} on a free port, its output in {@code log}; returns once
     * {@code /actuator/health} answers 200.
     */
    public static StandaloneProcess launch(Class<?> main, Path log, Duration timeout, String... arguments) {
        try {
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m",
                    "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                    main.getName(), "--server.port=" + port, "--spring.main.banner-mode=off"));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            StandaloneProcess started = new StandaloneProcess(process, log, port);
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
                if (api().get("/actuator/health").status() == 200) {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
