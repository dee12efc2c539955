package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-point setup slice through the standalone app over real HTTP, as a frontend uses it: the happy
 * path, each kind of bad input (with the event store checked to be unchanged), and the role and point checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServicePointHttpTest {

    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("lendpoint-http-test");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) {
        registry.add("lendpoint.data-dir", DATA::toString);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("servicePointCache")
    Cache servicePoints;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private Api staff;
    private Api anonymous;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        staff = anonymous.as("staff", "staff-demo");
    }

    @Test
    @DisplayName("§4.1.2–§4.2.2 apply, inspect (fail, then pass) and approve over HTTP, then read it back with its history")
    void applyInspectApproveReadBack() {
        Api.Reply created = staff.post("/api/service-points", Requests.application(null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        assertThat(staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(true, false, true)).status())
                .isEqualTo(204);
        assertThat(staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(true, true, true)).status())
                .isEqualTo(204);
        assertThat(staff.post("/api/service-points/" + id + "/approval", "{\"notes\":\"条件具备\"}").status()).isEqualTo(204);

        JsonNode detail = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/" + id),
                reply -> reply.status() == 200 && reply.json().get("status").asText().equals("APPROVED")).json();
        assertThat(detail.get("institution").get("unifiedSocialCreditCode").asText()).isEqualTo(Requests.USCC);
        assertThat(detail.get("inspections")).hasSize(2);
        assertThat(detail.get("inspections").get(1).get("inspector").asText()).isEqualTo("staff");
        assertThat(detail.get("history").findValuesAsText("status"))
                .containsExactly("APPLIED", "INSPECTION_FAILED", "INSPECTION_PASSED", "APPROVED");
        assertThat(detail.get("history").findValuesAsText("by")).containsOnly("staff");

        JsonNode dashboard = anonymous.as("analyst", "analyst-demo").get("/api/service-points/dashboard").json();
        assertThat(dashboard.get("byStatus").get("APPROVED").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("audit: every stored event carries who (user, role), correlation and trace ids and the request id")
    void eventsCarryAuditMetadata() {
        String id = staff.post("/api/service-points", Requests.application(null)).json().get("id").asText();
        staff.post("/api/service-points/" + id + "/rejection", "{\"reason\":\"无专门场所\"}");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry("userId", "staff").containsEntry("userRole", "LIBRARY_STAFF");
            assertThat(event.getMetaData()).containsKeys("correlationId", "traceId", "requestId");
        });
        assertThat(events.get(0).getMetaData().get("requestId")).isNotEqualTo(events.get(1).getMetaData().get("requestId"));

        // stored as Jackson JSON with a revision (never XStream XML), so payloads can evolve through upcasters
        var stored = new JdbcTemplate(dataSource).queryForList(
                "SELECT payloadType, payloadRevision, payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "ORDER BY sequenceNumber", id);
        assertThat(stored).extracting(row -> row.get("PAYLOADTYPE") + "@" + row.get("PAYLOADREVISION"))
                .containsExactly("io.lendpoint.api.servicepoint.ServicePointApplied@2",
                        "io.lendpoint.api.servicepoint.ServicePointRejected@1");
        assertThat(new String((byte[]) stored.get(1).get("PAYLOAD"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"servicePointId\":\"" + id + "\",\"reason\":\"无专门场所\"}");
    }

    @Test
    @DisplayName("Axon's per-message Micrometer monitors are off by default (17 % of a full replay, issue 8); the "
            + "application's own meters are there")
    void axonMessageMonitorsOff() {
        Api.Reply created = staff.post("/api/service-points", Requests.application(null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("jvm.memory.used", "http.server.requests")
                .noneMatch(name -> name.startsWith("commandBus") || name.startsWith("eventStore")
                        || name.startsWith("queryBus") || name.startsWith("eventProcessor")
                        || name.startsWith("axon"));
    }

    @Test
    @DisplayName("the API describes itself: OpenAPI document and Swagger UI are served without login")
    void openApiIsPublished() {
        Api.Reply docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/service-points/{servicePointId}/approval")).isTrue();
        assertThat(docs.json().get("paths").has("/api/recruitment-campaigns")).isTrue();
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(staff.get("/actuator/metrics").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("A.3 an administrator sees in the health details how far the working-day calendar lets terminations reach")
    void calendarHorizonInHealth() {
        assertThat(anonymous.get("/actuator/health").json().has("components")).isFalse();
        JsonNode calendar = anonymous.as("admin", "admin-demo").get("/actuator/health").json()
                .get("components").get("returnDeadlineCalendar");
        assertThat(calendar.get("status").asText()).isEqualTo("UP");
        java.time.LocalDate until = io.lendpoint.api.calendar.WorkingDayCalendar.fromClasspath().coveredUntil();
        assertThat(calendar.get("details").get("coveredUntil").asText()).isEqualTo(until.toString());
        assertThat(java.time.LocalDate.parse(calendar.get("details").get("lastCoveredTermination").asText()))
                .isBetween(until.minusDays(60), until.minusDays(30)); // 30 working days before the data's end
    }

    @Test
    @DisplayName("A.2.1, §4.1.2 b invalid credit code, phone and CLC class → 400 naming each field, in Chinese by default; nothing stored")
    void invalidFieldsAreRefused() {
        long before = storedEvents();
        String body = Requests.application("sp-invalid", null, "91440604MA4UABCD1X", "12345")
                .replace("\"I\",\"K\"", "\"L\",\"K\"");

        Api.Reply chinese = staff.post("/api/service-points", body);
        assertProblem(chinese, 400, "validation.failed");
        assertThat(chinese.json().get("errors").findValuesAsText("field"))
                .containsExactly("contact.phone", "institution.unifiedSocialCreditCode", "plan.wantedCategories[0]");
        assertThat(chinese.json().get("errors").findValuesAsText("message")).contains("不是有效的统一社会信用代码（GB 32100：18 位，校验码须正确）");

        Api.Reply english = staff.inLanguage("en").post("/api/service-points", body);
        assertThat(english.json().get("detail").asText()).startsWith("The request is invalid in 3 field(s)");
        assertThat(english.json().get("errors").findValuesAsText("message"))
                .contains("is not a valid mainland-China phone number (11-digit mobile, or area code and landline number)");

        assertThat(storedEvents()).isEqualTo(before);
        assertProblem(staff.get("/api/service-points/sp-invalid"), 404, "servicepoint.not-found");
    }

    @Test
    @DisplayName("malformed JSON, a wrong type or a missing body → 400; nothing stored")
    void malformedInputIsRefused() {
        long before = storedEvents();
        assertProblem(staff.post("/api/service-points", "{\"institution\": "), 400, "request.malformed");
        assertProblem(staff.post("/api/service-points", Requests.application("sp-kind").replace("\"SCHOOL\"", "\"CASTLE\"")),
                400, "request.invalid-value");
        assertProblem(staff.post("/api/service-points", "{}"), 400, "validation.failed");
        assertProblem(staff.get("/api/service-points?status=NOPE"), 400, "request.invalid-parameter");
        assertProblem(staff.get("/api/service-points?size=100000"), 422, "query.size-out-of-range");
        assertProblem(staff.get("/api/service-points?page=-1"), 422, "query.page-out-of-range");
        assertProblem(staff.get("/api/service-points?text=" + "x".repeat(101)), 422, "query.filter-too-long");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    @DisplayName("§4.1.2 a a planned return before the first borrowing → 422 in the caller's language; nothing stored")
    void planBackwardsIsUnprocessable() {
        long before = storedEvents();
        String body = Requests.application("sp-backwards").replace("2028-01-15", "2026-01-15");
        Api.Reply reply = staff.inLanguage("en-GB").post("/api/service-points", body);
        assertProblem(reply, 422, "servicepoint.plan.return-before-borrowing");
        assertThat(reply.json().get("detail").asText())
                .isEqualTo("The planned return (2026-01-15) must come after the planned first borrowing (2027-02-20) (§4.1.2 a).");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    @DisplayName("§4.2.1 approval without a passing inspection → 409; nothing stored")
    void approvalWithoutInspectionConflicts() {
        String id = staff.post("/api/service-points", Requests.application(null)).json().get("id").asText();
        staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(false, true, true));
        long before = storedEvents();
        Api.Reply reply = staff.post("/api/service-points/" + id + "/approval", "{}");
        assertProblem(reply, 409, "servicepoint.approval-requires-passed-inspection");
        assertThat(reply.json().get("detail").asText()).contains("4.2.1").contains("不能审核通过");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    @DisplayName("a second application with the same id → 409; nothing stored")
    void duplicateIdConflicts() {
        assertThat(staff.post("/api/service-points", Requests.application("sp-twice")).status()).isEqualTo(201);
        long before = storedEvents();
        assertProblem(staff.post("/api/service-points", Requests.application("sp-twice")), 409, "aggregate.already-exists");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    @DisplayName("unknown ids → 404 for commands and queries")
    void unknownIds() {
        assertProblem(staff.post("/api/service-points/sp-nobody/approval", "{}"), 404, "aggregate.not-found");
        assertProblem(staff.get("/api/service-points/sp-nobody"), 404, "servicepoint.not-found");
        assertProblem(staff.post("/api/recruitment-campaigns/rc-nobody/closure", "{\"reason\":\"x\"}"), 404,
                "aggregate.not-found");
    }

    @Test
    @DisplayName("§4.1.1 an application to a closed campaign → 422; to an open one it is recorded with the campaign")
    void campaignMustBeOpen() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String campaign = """
                {"title":"2027 年校园服务点招募","opensOn":"%s","closesOn":"%s","targetDistricts":["禅城区"],"targetKinds":["SCHOOL"]}
                """.formatted(today.minusDays(1), today.plusDays(30));
        String open = staff.post("/api/recruitment-campaigns", campaign).json().get("id").asText();
        String closed = staff.post("/api/recruitment-campaigns", campaign).json().get("id").asText();
        assertThat(staff.post("/api/recruitment-campaigns/" + closed + "/closure", "{\"reason\":\"名额已满\"}").status())
                .isEqualTo(204);

        long before = storedEvents();
        assertProblem(staff.post("/api/service-points", Requests.application("sp-late", closed, Requests.USCC, "13800138000")),
                422, "campaign.closed");
        assertProblem(staff.post("/api/service-points", Requests.application("sp-nocampaign", "rc-missing",
                Requests.USCC, "13800138000")), 422, "campaign.unknown");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(staff.post("/api/service-points", Requests.application("sp-on-time", open, Requests.USCC, "13800138000"))
                .status()).isEqualTo(201);
        JsonNode detail = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/sp-on-time"),
                reply -> reply.status() == 200).json();
        assertThat(detail.get("campaignId").asText()).isEqualTo(open);
        JsonNode openCampaigns = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/recruitment-campaigns?openOnly=true").json(),
                list -> list.get("items").findValuesAsText("campaignId").contains(open));
        assertThat(openCampaigns.get("items").findValuesAsText("campaignId")).doesNotContain(closed);
    }

    @Test
    @DisplayName("security: 401 without credentials, 403 for a role that may not, and a manager sees and acts on its own point only")
    void rolesAndPointScope() {
        long before = storedEvents();
        assertProblem(anonymous.post("/api/service-points", Requests.application("sp-anon")), 401, "unauthenticated");
        assertProblem(anonymous.as("staff", "wrong").get("/api/service-points"), 401, "unauthenticated");
        assertProblem(anonymous.as("analyst", "analyst-demo").post("/api/service-points", Requests.application("sp-x")),
                403, "forbidden");
        assertProblem(anonymous.as("auditor", "auditor-demo").post("/api/recruitment-campaigns", "{}"), 403, "forbidden");

        Api manager = anonymous.as("manager", "manager-demo");
        assertProblem(manager.post("/api/service-points", Requests.application("sp-someone-else")), 403, "forbidden");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(manager.post("/api/service-points", Requests.application("sp-demo")).status()).isEqualTo(201);
        String other = staff.post("/api/service-points", Requests.application(null)).json().get("id").asText();
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/" + other), r -> r.status() == 200);
        Eventually.await(Duration.ofSeconds(20), () -> manager.get("/api/service-points/sp-demo"), r -> r.status() == 200);

        assertProblem(manager.get("/api/service-points/" + other), 403, "forbidden");
        assertProblem(manager.post("/api/service-points/" + other + "/contact",
                "{\"contact\":{\"name\":\"王五\",\"phone\":\"13900139000\"}}"), 403, "forbidden");
        assertProblem(manager.post("/api/service-points/sp-demo/approval", "{}"), 403, "forbidden");
        assertProblem(manager.get("/api/service-points/dashboard"), 403, "forbidden");
        assertThat(manager.get("/api/service-points").json().get("items").findValuesAsText("servicePointId"))
                .containsExactly("sp-demo");
        assertThat(manager.post("/api/service-points/sp-demo/contact",
                "{\"contact\":{\"name\":\"王五\",\"phone\":\"13900139000\"},\"reason\":\"换人\"}").status()).isEqualTo(204);
    }

    @Test
    @DisplayName("§5.4.1 a point's notice mailbox: an invalid address → 400, another point's → 403, nothing stored; then set and shown")
    void noticeAddress() {
        Api manager = anonymous.as("manager", "manager-demo");
        String point = staff.post("/api/service-points", Requests.application(null)).json().get("id").asText();
        long before = storedEvents();
        Api.Reply invalid = staff.put("/api/service-points/" + point + "/notification-email", "{\"email\":\"not-an-address\"}");
        assertProblem(invalid, 400, "validation.failed");
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactly("email");
        assertProblem(manager.put("/api/service-points/" + point + "/notification-email",
                "{\"email\":\"a@b.example\"}"), 403, "forbidden");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(staff.put("/api/service-points/" + point + "/notification-email",
                "{\"email\":\"library@school.example\"}").status()).isEqualTo(204);
        assertThat(storedEvents()).isEqualTo(before + 1);
        var log = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/" + point + "/email-deliveries").json(),
                page -> "library@school.example".equals(page.path("address").asText()));
        assertThat(log.get("mailConfigured").asBoolean()).as("no SMTP server is configured in tests").isFalse();
        assertThat(log.get("items")).isEmpty();
        assertProblem(manager.get("/api/service-points/" + point + "/email-deliveries"), 403, "forbidden");
    }

    @Test
    @DisplayName("a point's aggregate stays in its kept cache between commands, also through a garbage collection")
    void pointKeptBetweenCommands() throws InterruptedException {
        Api.Reply created = staff.post("/api/service-points", Requests.application(null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(servicePoints.containsKey(id)).isTrue();
        assertThat(staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(true, true, true)).status())
                .isEqualTo(204);
        assertThat(servicePoints.containsKey(id)).isTrue();
    }

    private void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asText()).isEqualTo(code);
        assertThat(reply.json().get("type").asText()).endsWith("/" + code);
        assertThat(reply.json().get("detail").asText()).isNotBlank();
        assertThat(reply.json().has("requestId")).isTrue();
    }

    private long storedEvents() {
        Long count = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }
}
