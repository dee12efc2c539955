package io.lendpoint.standalone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lendpoint.standalone.LivePoints;
import io.lendpoint.standalone.StandaloneApplication;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read endpoint a frontend, an auditor or an operator calls, over HTTP as the library administrator, on an
 * existing city ({@code -Dbench.dataDir=D}, e.g. a copy of what {@link CityBenchmark} left; skipped without one):
 * wall time per call from the client (p50, p95, the slowest) and the answer's size. The per-point endpoints are
 * called for {@code -Dbench.samples=N} (default 20) points spread over the city, each with its first batch and one of
 * its barcodes; the city-wide and stream-wide ones ({@link Endpoint#calls}) fewer times. Finds what the quick
 * queries of the city run do not show: a read that scans a large collection or the event stream. Table to stdout and
 * {@code target/bench-city/endpoints.md}.
 */
@Tag("benchmark")
class EndpointLatencyBenchmark {

    /** A GET path with {@code {point}}, {@code {batch}}, {@code {barcode}}, {@code {from}}, {@code {to}}; calls 0 = one per sampled point. */
    record Endpoint(String path, int calls) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/service-points?size=20&sort=NAME", 0),
            new Endpoint("/api/service-points/{point}", 0),
            new Endpoint("/api/service-points/dashboard", 0),
            new Endpoint("/api/dashboards/setup", 0),
            new Endpoint("/api/service-points/{point}/agreement", 0),
            new Endpoint("/api/service-points/{point}/agreement/terms", 0),
            new Endpoint("/api/service-points/{point}/batches", 0),
            new Endpoint("/api/service-points/{point}/card", 0),
            new Endpoint("/api/service-points/{point}/outstanding", 0),
            new Endpoint("/api/service-points/{point}/compensation-due", 0),
            new Endpoint("/api/service-points/{point}/inbox", 0),
            new Endpoint("/api/service-points/{point}/refresh-proposal", 0),
            new Endpoint("/api/batches/{batch}", 0),
            new Endpoint("/api/batches/{batch}/items", 0),
            new Endpoint("/api/batches/{batch}/item-list", 0),
            new Endpoint("/api/items/{barcode}", 0),
            new Endpoint("/api/batches/overdue", 0),
            new Endpoint("/api/batches/due-soon", 0),
            new Endpoint("/api/agreements/expiring", 0),
            new Endpoint("/api/agreements/return-period", 0),
            new Endpoint("/api/activities?servicePointId={point}", 0),
            new Endpoint("/api/feedback?servicePointId={point}", 0),
            new Endpoint("/api/refresh-plans?servicePointId={point}", 0),
            new Endpoint("/api/evaluations/service-points/{point}?from={from}&to={to}", 0),
            new Endpoint("/api/evaluations/service-points/{point}/report?from={from}&to={to}", 0),
            new Endpoint("/api/evaluations/city?from={from}&to={to}", 3),
            new Endpoint("/api/evaluations/ranking?from={from}&to={to}", 3),
            new Endpoint("/api/evaluations/ranking/export?format=xlsx&from={from}&to={to}", 3),
            new Endpoint("/api/audit/aggregates/{point}/history", 0),
            new Endpoint("/api/audit/aggregates/{batch}/history", 0),
            new Endpoint("/api/audit/service-points/{point}/state", 0),
            new Endpoint("/api/audit/events?from={from}T00:00:00Z&to={from}T12:00:00Z&size=100", 3),
            new Endpoint("/api/audit/events?from={to}T00:00:00Z&size=100", 3),
            new Endpoint("/api/audit/events?type=BatchRequested&size=100", 3),
            new Endpoint("/api/audit/events?servicePointId={point}&size=100", 2),
            new Endpoint("/api/admin/projections", 0),
            new Endpoint("/api/admin/projections/integrity", 1));

    @Test
    void endpoints() throws Exception {
        String dir = System.getProperty("bench.dataDir");
        Assumptions.assumeTrue(dir != null, "-Dbench.dataDir not given");
        int samples = Integer.getInteger("bench.samples", 20);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .run("--lendpoint.data-dir=" + dir, "--lendpoint.mongo.port=0", "--server.port=0")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            Client client = new Client(base);
            List<String> all = app.getBean(MongoTemplate.class).getCollection("evaluation_points").find()
                    .map(found -> found.getString("_id")).into(new ArrayList<>());
            all.removeIf(id -> !id.startsWith("sp-demo")); // the generated points, each with its batch
            all.sort(null);
            assertThat(all).isNotEmpty();
            List<String[]> sampled = new ArrayList<>(); // point, batch, barcode
            for (int i = 0; i < samples; i++) {
                String point = all.get((int) ((long) i * all.size() / samples));
                JsonNode batches = client.json("/api/service-points/" + point + "/batches");
                String batch = batches.path("items").path(0).path("batchId").asText();
                JsonNode items = client.json("/api/batches/" + batch + "/items");
                sampled.add(new String[] {point, batch, items.path("items").path(0).path("barcode").asText()});
            }
            LocalDate today = LivePoints.today();
            StringBuilder table = new StringBuilder("| endpoint | calls | p50 ms | p95 ms | slowest ms | bytes |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            for (Endpoint endpoint : ENDPOINTS) {
                int calls = endpoint.calls() == 0 ? samples : endpoint.calls();
                List<Long> nanos = new ArrayList<>();
                List<Integer> bytes = new ArrayList<>();
                for (int n = 0; n < calls; n++) {
                    String[] at = sampled.get(n % sampled.size());
                    String path = endpoint.path().replace("{point}", at[0]).replace("{batch}", at[1])
                            .replace("{barcode}", URLEncoder.encode(at[2], StandardCharsets.UTF_8))
                            .replace("{from}", today.minusYears(1).toString()).replace("{to}", today.toString());
                    long start = System.nanoTime();
                    HttpResponse<byte[]> reply = client.get(path);
                    nanos.add(System.nanoTime() - start);
                    assertThat(reply.statusCode()).as(path).isEqualTo(200);
                    bytes.add(reply.body().length);
                }
                long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                String row = "| `%s` | %d | %.1f | %.1f | %.1f | %d |%n".formatted(endpoint.path(), calls,
                        CityBenchmark.percentile(sorted, 50), CityBenchmark.percentile(sorted, 95), sorted[sorted.length - 1] / 1e6,
                        bytes.stream().sorted().toList().get(bytes.size() / 2));
                System.out.print(row);
                table.append(row);
            }
            Path out = Path.of("target", "bench-city", "endpoints.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    /** HTTP as the library administrator (a demo user). */
    private record Client(String base) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private static final String AUTHORIZATION = "Basic "
                + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                    .header("Authorization", AUTHORIZATION).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<byte[]> reply = get(path);
            assertThat(reply.statusCode()).as(path).isEqualTo(200);
            return new ObjectMapper().readTree(reply.body());
        }
    }
}
