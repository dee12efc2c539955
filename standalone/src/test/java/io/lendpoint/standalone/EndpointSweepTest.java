package io.lendpoint.standalone;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the API, found from the application's own request mappings (so a new endpoint is swept too):
 * none answers without credentials except health and the API docs; roles that change nothing (auditor, analyst)
 * are refused every command; a service-point manager is refused another point's resources; and malformed or
 * hostile bodies never cause a 5xx, always answer problem+json, and never store an event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndpointSweepTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-sweep-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A well-formed upload, so the role check is what answers. */
    private static final String VALID_MULTIPART = "--sweep\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"items.csv\"\r\nContent-Type: text/csv\r\n\r\nbarcode,title\r\n--sweep--\r\n";

    /** One concrete request per mapping: path variables filled in (a point variable with the given point). */
    private record Endpoint(String method, String path, String contentType) {

        Endpoint(String method, String path) {
            this(method, path, "application/json");
        }
    }

    private List<Endpoint> endpoints(String point) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replace("{servicePointId}", point).replaceAll("\\{[^}]+}", "x1");
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .anyMatch(type -> type.getSubtype().equals("form-data"));
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.name(), path, multipart
                            ? "multipart/form-data; boundary=sweep" : "application/json"));
                }
            }
        }
        return endpoints;
    }

    private HttpResponse<String> send(String user, Endpoint endpoint, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                .method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    user.getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", endpoint.contentType().startsWith("multipart") ? endpoint.contentType()
                    : contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static boolean command(Endpoint endpoint) {
        return !endpoint.method().equals("GET");
    }

    private long events() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    @Test
    @DisplayName("no endpoint answers without credentials (401, problem+json)")
    void authenticationEverywhere() throws Exception {
        List<Endpoint> all = endpoints("sp-demo");
        assertThat(all).hasSizeGreaterThan(80);
        Set<String> open = new TreeSet<>();
        for (Endpoint endpoint : all) {
            HttpResponse<String> reply = send(null, endpoint, command(endpoint) ? "{}" : null,
                    command(endpoint) ? "application/json" : null);
            if (reply.statusCode() != 401) {
                open.add(endpoint + " → " + reply.statusCode());
            }
        }
        assertThat(open).as("endpoints answering without credentials").isEmpty();
        assertThat(send(null, new Endpoint("GET", "/actuator/health"), null, null).statusCode()).isEqualTo(200);
        assertThat(send(null, new Endpoint("GET", "/v3/api-docs"), null, null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the auditor and the analyst change nothing: every command is refused with 403 and nothing is stored")
    void readOnlyRoles() throws Exception {
        long before = events();
        Set<String> allowed = new TreeSet<>();
        for (String user : List.of("auditor:auditor-demo", "analyst:analyst-demo")) {
            for (Endpoint endpoint : endpoints("sp-demo").stream().filter(EndpointSweepTest::command).toList()) {
                HttpResponse<String> reply = send(user, endpoint, endpoint.contentType().startsWith("multipart")
                        ? VALID_MULTIPART : "{}", "application/json");
                if (reply.statusCode() != 403) {
                    allowed.add(user.split(":")[0] + " " + endpoint + " → " + reply.statusCode());
                }
            }
        }
        assertThat(allowed).as("commands a read-only role was not refused").isEmpty();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @DisplayName("a service-point manager is refused every endpoint of another point (403)")
    void managerOnlyOwnPoint() throws Exception {
        Set<String> reachable = new TreeSet<>();
        for (Endpoint endpoint : endpoints("sp-someone-else")) {
            if (!endpoint.path().contains("sp-someone-else")) {
                continue;
            }
            HttpResponse<String> reply = send("manager:manager-demo", endpoint, command(endpoint) ? "{}" : null,
                    command(endpoint) ? "application/json" : null);
            if (reply.statusCode() != 403) {
                reachable.add(endpoint + " → " + reply.statusCode());
            }
        }
        assertThat(reachable).as("another point's endpoints a manager reached").isEmpty();
    }

    @Test
    @DisplayName("hostile bodies on every command (malformed JSON, wrong types, huge strings and arrays): never a 5xx, always problem+json, nothing stored")
    void hostileBodies() throws Exception {
        String huge = "x".repeat(200_000);
        List<String> bodies = List.of("{", "[]", "\"text\"", "{\"servicePointId\":12,\"batchId\":[],\"items\":\"no\"}",
                "{\"name\":\"" + huge + "\",\"reason\":\"" + huge + "\"}",
                "{\"barcodes\":[" + "\"B\",".repeat(20_000) + "\"B\"]}",
                "{\"receivedOn\":\"2026-02-31\",\"heldOn\":\"yesterday\",\"channel\":\"PIGEON\"}", "null");
        long before = events();
        Set<String> failures = new TreeSet<>();
        for (Endpoint endpoint : endpoints("sp-demo").stream().filter(EndpointSweepTest::command).toList()) {
            for (String body : bodies) {
                HttpResponse<String> reply = send("admin:admin-demo", endpoint, body, "application/json");
                String type = reply.headers().firstValue("Content-Type").orElse("");
                if (reply.statusCode() >= 500 || (reply.statusCode() >= 400 && !type.startsWith("application/problem+json"))) {
                    failures.add(endpoint + " ← " + body.substring(0, Math.min(40, body.length())) + " → "
                            + reply.statusCode() + " " + type);
                }
            }
        }
        assertThat(failures).as("bad answers to hostile bodies").isEmpty();
        assertThat(events()).as("nothing stored").isEqualTo(before);
    }
}
