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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(endpoint(info, pattern, method.name(), point));
                }
            }
        }
        return endpoints;
    }

    /** The concrete request for a mapping's pattern: path variables filled in (a point variable with the point). */
    private static Endpoint endpoint(RequestMappingInfo info, String pattern, String method, String point) {
        String path = pattern.replace("{servicePointId}", point).replaceAll("\\{[^}]+}", "x1");
        boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().equals("form-data"));
        return new Endpoint(method, path, multipart ? "multipart/form-data; boundary=sweep" : "application/json");
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

    private static final List<String> ROLES = List.of("LIBRARY_ADMIN", "LIBRARY_STAFF", "POINT_MANAGER", "AUDITOR",
            "ANALYST");
    private static final Map<String, String> USER_OF_ROLE = Map.of("LIBRARY_ADMIN", "admin:admin-demo",
            "LIBRARY_STAFF", "staff:staff-demo", "POINT_MANAGER", "manager:manager-demo", "AUDITOR", "auditor:auditor-demo",
            "ANALYST", "analyst:analyst-demo");

    /** Requests whose rule also looks at the body: a manager's request as the rule admits it. */
    private static final Map<String, String> MANAGER_BODIES = Map.of(
            "POST /api/service-points/{servicePointId}/agreement/objection",
            "{\"side\":\"SERVICE_POINT\",\"reason\":\"不再续约\"}");

    /**
     * The documented access matrix: each API mapping → the roles its {@code @PreAuthorize} admits (method, else
     * class; none: every authenticated role). A point manager is further limited to its own point's data.
     */
    private Map<String, Set<String>> documentedMatrix() {
        Map<String, Set<String>> matrix = new TreeMap<>();
        Pattern role = Pattern.compile("'([A-Z_]+)'");
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
            if (rule == null) {
                rule = handler.getBeanType().getAnnotation(PreAuthorize.class);
            }
            Set<String> allowed = new TreeSet<>(ROLES);
            if (rule != null) {
                allowed.clear();
                Matcher roles = role.matcher(rule.value());
                while (roles.find()) {
                    allowed.add(roles.group(1));
                }
                assertThat(allowed).as("roles of " + rule.value()).isNotEmpty().isSubsetOf(ROLES);
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    matrix.put(method + " " + pattern, allowed);
                }
            }
        }
        return matrix;
    }

    private static String matrixDocument(Map<String, Set<String>> matrix) {
        StringBuilder doc = new StringBuilder("""
                # Access matrix

                Who may call which endpoint, generated from the `@PreAuthorize` rules of the controllers and checked
                against the running application by `EndpointSweepTest` (which fails when this file and the code
                disagree; it writes the current matrix to `standalone/target/access.md`). ✓ allowed, — refused
                with 403. A point manager (✓*) reaches only its own point's data: any other point's is refused with
                403. Without credentials every endpoint answers 401, except `/actuator/health` and the API docs.
                A manager objects to its agreement (`…/agreement/objection`) for the service point's side only.

                | endpoint | library admin | library staff | point manager | auditor | analyst |
                |---|:-:|:-:|:-:|:-:|:-:|
                """);
        matrix.forEach((endpoint, allowed) -> {
            doc.append("| `").append(endpoint).append("` |");
            for (String role : ROLES) {
                doc.append(allowed.contains(role) ? (role.equals("POINT_MANAGER") ? " ✓* |" : " ✓ |") : " — |");
            }
            doc.append('\n');
        });
        return doc.toString();
    }

    @Test
    @DisplayName("the access matrix: every endpoint × every role answers as docs/access.md says (403 exactly where refused)")
    void accessMatrixAsDocumented() throws Exception {
        Map<String, Set<String>> matrix = documentedMatrix();
        String generated = matrixDocument(matrix);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "access.md"), generated, StandardCharsets.UTF_8);
        assertThat(Files.readString(Path.of("..", "docs", "access.md"), StandardCharsets.UTF_8))
                .as("docs/access.md is the documented matrix (regenerated in standalone/target/access.md)")
                .isEqualTo(generated);

        Set<String> wrong = new TreeSet<>();
        for (Map.Entry<String, Set<String>> row : matrix.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String pattern = row.getKey().substring(row.getKey().indexOf(' ') + 1);
            boolean ownPoint = pattern.contains("{servicePointId}");
            RequestMappingInfo info = mappings.getHandlerMethods().keySet().stream()
                    .filter(candidate -> candidate.getPatternValues().contains(pattern))
                    .filter(candidate -> candidate.getMethodsCondition().getMethods().isEmpty() ? method.equals("GET")
                            : candidate.getMethodsCondition().getMethods().contains(RequestMethod.valueOf(method)))
                    .findFirst().orElseThrow();
            Endpoint endpoint = endpoint(info, pattern, method, "sp-demo");
            boolean multipart = endpoint.contentType().startsWith("multipart");
            for (String role : ROLES) {
                boolean allowed = row.getValue().contains(role);
                if (role.equals("POINT_MANAGER") && allowed && !ownPoint) {
                    continue; // admitted by role, then limited to its own point's data: which depends on the data
                }
                String body = command(endpoint) ? (multipart ? VALID_MULTIPART : "{}") : null;
                if (role.equals("POINT_MANAGER") && MANAGER_BODIES.containsKey(row.getKey())) {
                    body = MANAGER_BODIES.get(row.getKey());
                }
                int status = send(USER_OF_ROLE.get(role), endpoint, body, command(endpoint) ? "application/json" : null)
                        .statusCode();
                if (allowed == (status == 403) || status == 401) {
                    wrong.add(role + " " + row.getKey() + " → " + status + (allowed ? " (documented: allowed)"
                            : " (documented: refused)"));
                }
            }
        }
        assertThat(wrong).as("answers that contradict the access matrix").isEmpty();
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
