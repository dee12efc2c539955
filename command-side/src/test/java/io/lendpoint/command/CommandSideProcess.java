package io.lendpoint.command;

import io.lendpoint.testing.SpringBootProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The distributed command side in a JVM of its own ({@link SpringBootProcess}, {@link CommandSideApplication}), so
 * a test can kill it the hard way while it is connected to Axon Server and PostgreSQL; with the small HTTP client
 * a frontend would be.
 */
final class CommandSideProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SpringBootProcess process;

    private CommandSideProcess(SpringBootProcess process) {
        this.process = process;
    }

    /** Starts it with {@code arguments} and returns once {@code /actuator/health} answers 200. */
    static CommandSideProcess start(Path log, List<String> arguments) {
        return new CommandSideProcess(SpringBootProcess.launch(CommandSideApplication.class, log,
                Duration.ofSeconds(180), Duration.ofMillis(250), arguments.toArray(String[]::new)));
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.port() + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void killHard() throws InterruptedException {
        process.killHard();
    }

    void stop() throws InterruptedException {
        process.stop();
    }

    String logTail() {
        return process.logTail(60);
    }
}
