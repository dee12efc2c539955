package io.lendpoint.standalone;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Optimistic concurrency for frontends: reads carry the aggregate version as ETag; If-Match on a command. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OptimisticConcurrencyHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-etag-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
        return send("staff:staff-demo", method, path, body, ifMatch, null);
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String ifMatch,
                                      String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        user.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a read's ETag is the aggregate version; a command with a stale If-Match gets 412 and stores nothing; a current one passes")
    void ifMatch() throws Exception {
        LivePoints.activated(commands, "sp-etag");
        String contact = "{\"contact\":{\"name\":\"王五\",\"phone\":\"13900139000\"},\"reason\":\"换人\"}";
        HttpResponse<String> read = Eventually.await(Duration.ofSeconds(20),
                () -> uncheckedGet("/api/service-points/sp-etag"),
                r -> r.statusCode() == 200 && r.body().contains("\"status\":\"ACTIVE\"")); // caught up
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"\\d+\"");

        long before = events();
        HttpResponse<String> stale = send("POST", "/api/service-points/sp-etag/contact", contact, "\"1\"");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(stale.body()).contains("aggregate.version-mismatch");
        assertThat(events()).isEqualTo(before);

        HttpResponse<String> invalid = send("POST", "/api/service-points/sp-etag/contact", contact, "version seven");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("request.if-match-invalid");
        assertThat(events()).isEqualTo(before);

        HttpResponse<String> current = send("POST", "/api/service-points/sp-etag/contact", contact, etag);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(204);
        assertThat(events()).isEqualTo(before + 1);
        // the same version again is stale now: the contact change moved the aggregate on
        assertThat(send("POST", "/api/service-points/sp-etag/contact",
                "{\"contact\":{\"name\":\"赵六\",\"phone\":\"13900139001\"}}", etag).statusCode()).isEqualTo(412);
        assertThat(send("POST", "/api/service-points/sp-etag/contact",
                "{\"contact\":{\"name\":\"赵六\",\"phone\":\"13900139001\"}}", "*").statusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("an Idempotency-Key retry gets the first answer and stores nothing; the key with another body is refused; keys are per user")
    void idempotencyKey() throws Exception {
        LivePoints.activated(commands, "sp-idem");
        String question = "{\"channel\":\"PHONE\",\"question\":\"续借几次？\"}";
        String path = "/api/service-points/sp-idem/consultations";
        HttpResponse<String> first = send("staff:staff-demo", "POST", path, question, null, "key-0001");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long after = events();

        HttpResponse<String> retry = send("staff:staff-demo", "POST", path, question, null, "key-0001");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(events()).isEqualTo(after);

        HttpResponse<String> other = send("staff:staff-demo", "POST", path, question.replace("续借", "预约"), null,
                "key-0001");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(other.body()).contains("idempotency.key-reused");
        assertThat(events()).isEqualTo(after);

        HttpResponse<String> anotherUser = send("admin:admin-demo", "POST", path, question, null, "key-0001");
        assertThat(anotherUser.statusCode()).as(anotherUser.body()).isEqualTo(201);
        assertThat(anotherUser.body()).isNotEqualTo(first.body());
        assertThat(events()).isGreaterThan(after);

        HttpResponse<String> refused = send("staff:staff-demo", "POST", path, "{\"channel\":\"PHONE\"}", null, "key-0002");
        assertThat(refused.statusCode()).isEqualTo(400);
        HttpResponse<String> fixed = send("staff:staff-demo", "POST", path, question, null, "key-0002");
        assertThat(fixed.statusCode()).as("a failed first try releases its key").isEqualTo(201);
        assertThat(send("staff:staff-demo", "POST", path, question, null, "bad key with spaces").statusCode())
                .isEqualTo(400);
    }

    private HttpResponse<String> uncheckedGet(String path) {
        try {
            return send("GET", path, null, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long events() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }
}
