package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** §6 over HTTP: consultations (§6.1) and training (§6.1, A.1.4), with roles, scopes and refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-operations-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;

    private static boolean pointsLive;

    /** Both tests share one application (and data directory): the points go live once. */
    @org.junit.jupiter.api.BeforeEach
    void livePoints() {
        if (!pointsLive) {
            LivePoints.activated(commands, "sp-demo");
            LivePoints.activated(commands, "sp-other");
            pointsLive = true;
        }
    }

    @Test
    @DisplayName("§6.1 a point asks, the library answers once; refusals store nothing; a manager sees its own point's only")
    void consultation() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");

        long before = events();
        assertProblem(manager.post("/api/service-points/sp-other/consultations",
                "{\"channel\":\"PHONE\",\"question\":\"q\"}"), 403, "forbidden");
        assertProblem(manager.post("/api/service-points/sp-demo/consultations",
                "{\"channel\":\"CARRIER_PIGEON\",\"question\":\"q\"}"), 400, "request.invalid-value");
        assertProblem(manager.post("/api/service-points/sp-demo/consultations",
                "{\"channel\":\"PHONE\",\"question\":\"\"}"), 400, "validation.failed");
        assertThat(events()).isEqualTo(before);

        Api.Reply asked = manager.post("/api/service-points/sp-demo/consultations",
                "{\"consultationId\":\"cq-1\",\"channel\":\"ONLINE\",\"question\":\"图书破损如何登记？\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(staff.post("/api/service-points/sp-other/consultations",
                "{\"consultationId\":\"cq-2\",\"channel\":\"PHONE\",\"question\":\"续借几次？\",\"askedBy\":\"赵老师\"}")
                .status()).isEqualTo(201);
        JsonNode open = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/consultations?open=true").json(),
                page -> page.path("total").asInt() == 2);
        assertThat(open.get("items").findValuesAsText("consultationId")).containsExactly("cq-1", "cq-2");
        assertThat(open.get("items").get(0).get("askedBy").asText()).isEqualTo("manager");

        assertProblem(manager.post("/api/consultations/cq-1/answer", "{\"answer\":\"a\"}"), 403, "forbidden");
        assertThat(staff.post("/api/consultations/cq-1/answer", "{\"answer\":\"在验收界面选择“损坏”并注明程度。\"}")
                .status()).isEqualTo(204);
        assertProblem(staff.post("/api/consultations/cq-1/answer", "{\"answer\":\"again\"}"), 409,
                "consultation.answered");
        JsonNode answered = Eventually.await(Duration.ofSeconds(20), () -> manager.get("/api/consultations/cq-1").json(),
                c -> c.hasNonNull("answer"));
        assertThat(answered.get("answeredBy").asText()).isEqualTo("staff");
        assertThat(answered.get("withinServiceLevel").asBoolean()).isTrue();
        assertThat(manager.get("/api/consultations").json().get("items").findValuesAsText("consultationId"))
                .containsExactly("cq-1");
        assertProblem(manager.get("/api/consultations/cq-2"), 403, "forbidden");
        assertProblem(staff.get("/api/consultations/cq-nope"), 404, "consultation.not-found");
    }

    @Test
    @DisplayName("§6.1, A.1.4 the library plans a training, records it as held with attendees; a manager reads its own")
    void training() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");
        String plan = """
                {"trainingId":"tr-1","topic":"集体外借操作","kind":"INITIAL","plannedOn":"%s","trainer":"王馆员",
                 "servicePointIds":["sp-demo"],"materials":[{"title":"操作手册","reference":"manual.pdf"}]}"""
                .formatted(LivePoints.today());
        long before = events();
        assertProblem(manager.post("/api/trainings", plan), 403, "forbidden");
        assertProblem(staff.post("/api/trainings", plan.replace("sp-demo", "sp-unknown")), 409,
                "training.point-not-approved");
        assertThat(events()).isEqualTo(before);
        assertThat(staff.post("/api/trainings", plan).status()).isEqualTo(201);
        assertProblem(staff.post("/api/trainings/tr-1/held", """
                {"heldOn":"%s","attendees":[{"servicePointId":"sp-elsewhere","name":"赵老师"}]}"""
                .formatted(LivePoints.today())), 422, "training.attendee-not-invited");
        assertThat(staff.post("/api/trainings/tr-1/held", """
                {"heldOn":"%s","attendees":[{"servicePointId":"sp-demo","name":"李老师","role":"图书管理员"}]}"""
                .formatted(LivePoints.today())).status()).isEqualTo(204);
        JsonNode mine = Eventually.await(Duration.ofSeconds(20), () -> manager.get("/api/trainings").json(),
                page -> page.path("items").size() == 1 && page.path("items").get(0).path("status").asText().equals("HELD"));
        assertThat(mine.get("items").get(0).get("attendees").findValuesAsText("name")).containsExactly("李老师");
        assertThat(manager.get("/api/trainings/tr-1").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("§6.3 feedback with a satisfaction score; a raised problem is followed up and resolved; a score of 6 is refused")
    void feedback() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");
        String today = LivePoints.today().toString();
        long before = events();
        assertProblem(manager.post("/api/service-points/sp-demo/feedback",
                "{\"channel\":\"MESSAGE\",\"receivedOn\":\"" + today + "\",\"satisfaction\":6}"), 400,
                "validation.failed");
        assertProblem(manager.post("/api/service-points/sp-demo/feedback",
                "{\"channel\":\"MESSAGE\",\"receivedOn\":\"" + today + "\"}"), 422, "feedback.empty");
        assertThat(events()).isEqualTo(before);

        assertThat(manager.post("/api/service-points/sp-demo/feedback", "{\"feedbackId\":\"fb-1\",\"channel\":\"MESSAGE\","
                + "\"receivedOn\":\"" + today + "\",\"satisfaction\":5,\"comment\":\"配送及时\"}").status()).isEqualTo(201);
        assertThat(staff.post("/api/service-points/sp-demo/feedback", "{\"feedbackId\":\"fb-2\",\"channel\":\"PHONE_CALLBACK\","
                + "\"receivedOn\":\"" + today + "\",\"satisfaction\":3,\"problem\":\"少儿类图书太少\"}").status()).isEqualTo(201);
        assertProblem(manager.post("/api/feedback/fb-2/resolution", "{\"resolution\":\"x\",\"resolvedOn\":\"" + today
                + "\"}"), 403, "forbidden");
        assertThat(staff.post("/api/feedback/fb-2/follow-ups", "{\"action\":\"调配少儿类 200 册\",\"takenOn\":\"" + today
                + "\"}").status()).isEqualTo(204);
        JsonNode open = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/feedback?open=true").json(),
                page -> page.path("total").asInt() == 1 && page.path("items").get(0).path("followUps").size() == 1);
        assertThat(open.get("items").get(0).get("feedbackId").asText()).isEqualTo("fb-2");
        assertThat(staff.post("/api/feedback/fb-2/resolution", "{\"resolution\":\"已随批次配送\",\"resolvedOn\":\"" + today
                + "\"}").status()).isEqualTo(204);
        assertProblem(staff.post("/api/feedback/fb-1/follow-ups", "{\"action\":\"x\",\"takenOn\":\"" + today + "\"}"),
                409, "feedback.no-problem");
        JsonNode resolved = Eventually.await(Duration.ofSeconds(20), () -> manager.get("/api/feedback/fb-2").json(),
                f -> f.path("status").asText().equals("RESOLVED"));
        assertThat(resolved.get("daysToResolve").asInt()).isZero();
    }

    @Test
    @DisplayName("§6.4 a point proposes an activity, the library approves it and records it held; negative participants refused")
    void activity() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");
        String today = LivePoints.today().toString();
        assertThat(manager.post("/api/service-points/sp-demo/activities", "{\"activityId\":\"ac-1\",\"kind\":"
                + "\"READING_PROMOTION\",\"title\":\"亲子共读周\",\"plannedOn\":\"" + today + "\"}").status()).isEqualTo(201);
        assertProblem(manager.post("/api/activities/ac-1/approval", "{}"), 403, "forbidden");
        assertProblem(staff.post("/api/activities/ac-1/held", "{\"heldOn\":\"" + today + "\",\"participants\":5}"),
                409, "activity.wrong-state");
        assertThat(staff.post("/api/activities/ac-1/approval", "{\"resourcesPromised\":[\"绘本 200 册\"]}").status())
                .isEqualTo(204);
        long before = events();
        assertProblem(staff.post("/api/activities/ac-1/held", "{\"heldOn\":\"" + today + "\",\"participants\":-1}"),
                400, "validation.failed");
        assertThat(events()).isEqualTo(before);
        assertThat(staff.post("/api/activities/ac-1/held", "{\"heldOn\":\"" + today + "\",\"participants\":86,"
                + "\"attachments\":[{\"title\":\"合影\",\"reference\":\"photos/ac-1.jpg\"}]}").status()).isEqualTo(204);
        JsonNode held = Eventually.await(Duration.ofSeconds(20), () -> manager.get("/api/activities?status=HELD").json(),
                page -> page.path("total").asInt() == 1);
        assertThat(held.get("items").get(0).get("participants").asInt()).isEqualTo(86);
        assertProblem(manager.get("/api/activities?status=DONE"), 422, "query.status-unknown");
    }

    @Test
    @DisplayName("§6.2 a live point's refresh schedule, its proposal with the figures, a refresh carried out moves the next due date")
    void refresh() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");
        java.time.LocalDate next = LivePoints.today().plusDays(10);
        assertProblem(manager.put("/api/service-points/sp-demo/refresh-schedule",
                "{\"everyMonths\":6,\"nextDueOn\":\"" + next + "\"}"), 403, "forbidden");
        assertProblem(staff.put("/api/service-points/sp-demo/refresh-schedule",
                "{\"everyMonths\":30,\"nextDueOn\":\"" + next + "\"}"), 400, "validation.failed");
        assertThat(staff.put("/api/service-points/sp-demo/refresh-schedule",
                "{\"everyMonths\":6,\"nextDueOn\":\"" + next + "\"}").status()).isEqualTo(204);
        JsonNode plans = Eventually.await(Duration.ofSeconds(20), () -> manager.get("/api/refresh-plans").json(),
                list -> list.size() == 1);
        assertThat(plans.get(0).get("nextDueOn").asText()).isEqualTo(next.toString());
        JsonNode proposal = manager.get("/api/service-points/sp-demo/refresh-proposal?lookbackMonths=6").json();
        assertThat(proposal.get("method").asText()).contains("largest remainder");
        assertThat(proposal.get("toSend").asInt()).isZero();
        assertProblem(staff.get("/api/service-points/sp-demo/refresh-proposal?lookbackMonths=0"), 422,
                "refresh.lookback-out-of-range");
        assertThat(staff.post("/api/service-points/sp-demo/refreshes", "{\"carriedOutOn\":\"" + LivePoints.today()
                + "\"}").status()).isEqualTo(204);
        Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/refresh-plans?servicePointId=sp-demo").json(),
                list -> list.get(0).path("nextDueOn").asText().equals(next.plusMonths(6).toString())
                        && list.get(0).path("lastOnTime").asBoolean());
    }

    @Test
    @DisplayName("§6.3 a questionnaire defined by the library, answered by points, aggregated per question; invalid answers refused")
    void questionnaire() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api manager = Api.at(port).as("manager", "manager-demo");
        String today = LivePoints.today().toString();
        assertThat(staff.post("/api/questionnaires", """
                {"questionnaireId":"qn-1","title":"年度满意度调查","questions":[
                  {"questionId":"overall","text":"总体满意度","kind":"SCALE_5","overallSatisfaction":true},
                  {"questionId":"delivery","text":"配送是否及时","kind":"SINGLE_CHOICE","options":["及时","不及时"]},
                  {"questionId":"wish","text":"希望增加哪些图书","kind":"TEXT"}]}""").status()).isEqualTo(201);
        assertProblem(manager.post("/api/questionnaires/qn-1/responses", "{\"servicePointId\":\"sp-demo\",\"answeredOn\":\""
                + today + "\",\"answers\":{\"overall\":\"9\"}}"), 422, "questionnaire.answers-invalid");
        assertProblem(manager.post("/api/questionnaires/qn-1/responses", "{\"servicePointId\":\"sp-other\",\"answeredOn\":\""
                + today + "\",\"answers\":{\"overall\":\"5\"}}"), 403, "forbidden");
        assertThat(manager.post("/api/questionnaires/qn-1/responses", "{\"servicePointId\":\"sp-demo\",\"answeredOn\":\""
                + today + "\",\"answers\":{\"overall\":\"5\",\"delivery\":\"及时\",\"wish\":\"绘本\"}}").status())
                .isEqualTo(201);
        assertThat(staff.post("/api/questionnaires/qn-1/responses", "{\"servicePointId\":\"sp-other\",\"answeredOn\":\""
                + today + "\",\"answers\":{\"overall\":\"2\",\"delivery\":\"不及时\"}}").status()).isEqualTo(201);
        JsonNode all = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/questionnaires/qn-1/results").json(),
                r -> r.path("responses").asInt() == 2);
        assertThat(all.get("questions").get(0).get("mean").asDouble()).isEqualTo(3.5);
        assertThat(all.get("questions").get(1).get("counts").get("不及时").asInt()).isEqualTo(1);
        assertThat(all.get("questions").get(2).get("latestText").get(0).asText()).isEqualTo("绘本");
        JsonNode mine = manager.get("/api/questionnaires/qn-1/results").json();
        assertThat(mine.get("responses").asInt()).isEqualTo(1);
        assertThat(mine.get("servicePointId").asText()).isEqualTo("sp-demo");
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asText()).isEqualTo(code);
    }

    private long events() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }
}
