package io.lendpoint.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The standalone backend as a separate JVM, so that a test can kill it the hard way. */
final class StandaloneProcess {

    private final Process process;
    private final Path log;
    final int port;

    private StandaloneProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static StandaloneProcess start(Path data, String name, String... extraArguments) {
        try {
            int port = freePort();
            Path log = data.resolveSibling(data.getFileName() + "-" + name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m",
                    "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                    StandaloneApplication.class.getName(), "--lendpoint.data-dir=" + data, "--server.port=" + port,
                    "--lendpoint.mongo.port=0", "--spring.main.banner-mode=off"));
            command.addAll(List.of(extraArguments));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            StandaloneProcess started = new StandaloneProcess(process, log, port);
            started.awaitHealthy(Duration.ofSeconds(120));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    void stop() throws InterruptedException {
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
                throw new AssertionError("standalone process died while starting:\n" + logTail());
            }
            try {
                if (api().get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("standalone process not healthy within " + timeout + ":\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
