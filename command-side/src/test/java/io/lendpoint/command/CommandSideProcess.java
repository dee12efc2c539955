package io.lendpoint.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distributed command side in a JVM of its own (the test class path, {@link CommandSideApplication}), so a
 * test can kill it the hard way while it is connected to Axon Server and PostgreSQL; with the small HTTP client
 * a frontend would be.
 */
final class CommandSideProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What Spring Boot logs once its web server listens; the port is the child's own choice. */
    private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;
    private int port;

    private CommandSideProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts it with {@code arguments} and returns once {@code /actuator/health} answers 200. The child binds a port
     * of its own choice and its log says which (as {@code StandaloneProcess}): a port probed free here and handed
     * over could be taken in between.
     */
    static CommandSideProcess start(Path log, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CommandSideApplication.class.getName(), "--server.port=0", "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        CommandSideProcess started = new CommandSideProcess(process, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the command side exited at start-up:\n" + started.logTail());
            }
            try {
                if ((started.port != 0 || started.listening())
                        && started.get("/actuator/health", null, null).statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the command side did not become healthy:\n" + started.logTail());
            }
            Thread.sleep(250);
        }
    }

    HttpResponse<String> post(String path, String body, String user, String password)
            throws IOException, InterruptedException {
        return HTTP.send(request(path, user, password).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return HTTP.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Whether the log says the web server listens (and on which port: kept). */
    private boolean listening() throws IOException {
        Matcher found = LISTENING.matcher(Files.readString(log));
        if (found.find()) {
            port = Integer.parseInt(found.group(1));
            return true;
        }
        return false;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
