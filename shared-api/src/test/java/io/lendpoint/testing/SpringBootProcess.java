package io.lendpoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot application of the test class path in a JVM of its own ({@code -Xmx512m}, its output in a log
 * file), so that a test can kill it the hard way or time its start-up: the standalone backend, the distributed
 * command side, the benchmark's bare web application. Shared by their tests ({@code StandaloneProcess},
 * {@code CommandSideProcess}). JDK only; in shared-api's test-jar because every module's tests have it and it holds
 * no Spring configuration that the applications' component scan would pick up (platform's test-jar does).
 * <p>
 * The child binds a web port of its own choice and its log says which. A port probed free here and handed over
 * could be taken in between: once by the child's own embedded MongoDB-wire server, which binds any free port too
 * (a city benchmark run failed so).
 */
public final class SpringBootProcess {

    /** What Spring Boot logs once its web server listens. */
    private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private int port;

    private SpringBootProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code arguments} and returns once {@code /actuator/health} answers 200, polling every
     * {@code poll}; if it dies first or is not healthy within {@code timeout}, throws an {@link AssertionError} with
     * the end of its log (and kills it).
     */
    public static SpringBootProcess launch(Class<?> main, Path log, Duration timeout, Duration poll,
                                           String... arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), main.getName(), "--server.port=0",
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            SpringBootProcess started = new SpringBootProcess(main.getSimpleName(), process, log);
            started.awaitHealthy(timeout, poll);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The web port the child chose (0 until its log said). */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, nothing flushed, no goodbye. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** The last {@code lines} lines of its log. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitHealthy(Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " (pid " + process.pid() + ") died while starting:\n" + logTail(60));
            }
            if ((port != 0 || listening()) && healthy()) {
                return;
            }
            try {
                Thread.sleep(poll.toMillis()); // a benchmark times start-ups by this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        process.destroyForcibly();
        throw new AssertionError(name + " (pid " + process.pid() + ") not healthy within " + timeout + ":\n"
                + logTail(60));
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
