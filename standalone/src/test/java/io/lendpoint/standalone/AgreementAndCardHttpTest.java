package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.servicepoint.PreparationItem;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * §4.2.2–§4.3 and A.6 over HTTP: from an approved point to a live one, the agreement and card as staff,
 * managers and the administrator see them, personal data protected end to end, and erasure surviving a replay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgreementAndCardHttpTest {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final String PHONE = "13912345678";

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-agreement-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("agreementCache")
    Cache agreements;
    @Autowired
    @Qualifier("cardCache")
    Cache cards;

    @Test
    @DisplayName("§4.2.2–§4.3 approved → agreement signed → card issued → preparation done → live, by itself")
    void fromApprovedToLive() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        String point = approvedPoint(staff, "sp-demo");

        assertProblem(staff.post("/api/service-points/" + point + "/card", card()), 409, "card.agreement-not-in-force");
        assertThat(staff.post("/api/service-points/" + point + "/agreement", agreementParties()).status()).isEqualTo(201);
        assertProblem(staff.post("/api/service-points/" + point + "/agreement", agreementParties()), 409, "agreement.exists");
        sign(staff, point);
        assertThat(staff.post("/api/service-points/" + point + "/card", card()).status()).isEqualTo(201);
        for (PreparationItem item : PreparationItem.values()) {
            assertThat(staff.post("/api/service-points/" + point + "/preparation",
                    "{\"item\":\"" + item + "\",\"completedOn\":\"" + LivePoints.today() + "\"}").status()).isEqualTo(204);
        }

        JsonNode detail = Eventually.await(Duration.ofSeconds(30), () -> staff.get("/api/service-points/" + point).json(),
                d -> d.get("status").asText().equals("ACTIVE"));
        assertThat(detail.get("preparation")).hasSize(4);

        JsonNode agreement = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/" + point + "/agreement"), r -> r.status() == 200).json();
        assertThat(agreement.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(agreement.get("termsInForce").get("maxItemsOut").asInt()).isEqualTo(2000);
        assertThat(agreement.get("validUntil").asText())
                .isEqualTo(LivePoints.today().plusMonths(24).minusDays(1).toString());

        Api manager = Api.at(port).as("manager", "manager-demo");
        assertThat(manager.get("/api/service-points/" + point + "/agreement").status()).isEqualTo(200);
        assertProblem(manager.post("/api/service-points/" + point + "/agreement/objection",
                "{\"side\":\"LIBRARY\",\"reason\":\"x\"}"), 403, "forbidden");
        assertThat(manager.post("/api/service-points/" + point + "/agreement/objection",
                "{\"side\":\"SERVICE_POINT\",\"reason\":\"学校搬迁\"}").status()).isEqualTo(204);

        // the agreement and the card stay in their kept caches between commands, also through a garbage collection
        System.gc();
        assertThat(agreements.containsKey(AgreementIds.forServicePoint(point))).isTrue();
        assertThat(cards.containsKey(CardIds.forServicePoint(point))).isTrue();
    }

    @Test
    @DisplayName("A.1.2 over HTTP: reservations up to 2000, then 409 in the caller's language; the card shows used and free")
    void capacityOverHttp() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        String point = livePoint(staff, "sp-cap-http");
        assertThat(staff.post("/api/service-points/" + point + "/card/reservations",
                "{\"reservationId\":\"b1\",\"quantity\":1999}").status()).isEqualTo(204);
        Api.Reply refused = staff.inLanguage("en").post("/api/service-points/" + point + "/card/reservations",
                "{\"reservationId\":\"b2\",\"quantity\":2}");
        assertProblem(refused, 409, "card.capacity-exceeded");
        assertThat(refused.json().get("detail").asText()).isEqualTo("A.1.2: the card can take 1 more items (limit 2000), not 2.");
        JsonNode card = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/" + point + "/card").json(),
                c -> c.path("reserved").asInt() == 1999);
        assertThat(card.get("free").asInt()).isEqualTo(1);
        assertProblem(staff.post("/api/service-points/" + point + "/card/cancellation", "{\"reason\":\"x\"}"), 409,
                "card.items-outstanding");
    }

    @Test
    @DisplayName("A.6 the holder's ID and phone are never stored in plaintext, shown masked, revealed only to the administrator (recorded), and erasable")
    void personalData() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api admin = Api.at(port).as("admin", "admin-demo");
        String point = livePoint(staff, "sp-pii");

        List<byte[]> payloads = new JdbcTemplate(dataSource).queryForList(
                "SELECT payload FROM DomainEventEntry", byte[].class);
        assertThat(payloads).isNotEmpty().noneSatisfy(payload -> {
            String json = new String(PayloadCompression.expand(payload), StandardCharsets.UTF_8);
            assertThat(json).containsAnyOf(ID_NUMBER, PHONE, "李小明");
        });

        JsonNode card = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/" + point + "/card"),
                r -> r.status() == 200).json();
        assertThat(card.toString()).doesNotContain(ID_NUMBER).doesNotContain(PHONE);
        assertThat(card.get("holderIdNumber").asText()).isEqualTo("1101**********002X");
        assertThat(card.get("holderPhone").asText()).isEqualTo("139****5678");

        assertProblem(staff.post("/api/service-points/" + point + "/card/holder/disclosure", "{\"purpose\":\"x\"}"),
                403, "forbidden");
        JsonNode full = admin.post("/api/service-points/" + point + "/card/holder/disclosure",
                "{\"purpose\":\"核对开卡人身份\"}").json();
        assertThat(full.get("idNumber").asText()).isEqualTo(ID_NUMBER);
        Long reads = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE "
                + "payloadType = 'io.lendpoint.api.card.CardHolderRevealed' AND aggregateIdentifier = ?", Long.class,
                "card-" + point);
        assertThat(reads).isEqualTo(1);

        assertThat(admin.post("/api/service-points/" + point + "/card/holder/erasure", "{\"reason\":\"本人申请删除\"}")
                .status()).isEqualTo(204);
        assertProblem(admin.post("/api/service-points/" + point + "/card/holder/disclosure", "{\"purpose\":\"x\"}"),
                409, "card.holder-erased");
        JsonNode erased = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/" + point + "/card").json(), c -> c.path("holderErased").asBoolean());
        assertThat(erased.get("holderIdNumber").asText()).contains("erased");

        // replay the card projection from the first event: it still works, and the holder stays erased
        StreamingEventProcessor cards = processing.eventProcessor("cards", StreamingEventProcessor.class).orElseThrow();
        cards.shutDown();
        cards.resetTokens();
        cards.start();
        JsonNode replayed = Eventually.await(Duration.ofSeconds(30),
                () -> staff.get("/api/service-points/" + point + "/card"),
                r -> r.status() == 200 && r.json().path("holderErased").asBoolean()).json();
        assertThat(replayed.get("holderIdNumber").asText()).contains("erased");
        assertThat(replayed.get("cardNumber").asText()).isEqualTo(card.get("cardNumber").asText());
    }

    @Test
    @DisplayName("A.6 a former holder's data is erased after the card was cancelled and issued again; the current holder's stays readable")
    void formerHolderErasure() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api admin = Api.at(port).as("admin", "admin-demo");
        String point = livePoint(staff, "sp-former-holder");
        assertThat(staff.post("/api/service-points/" + point + "/card/cancellation", "{\"reason\":\"换开卡人\"}")
                .status()).isEqualTo(204);
        assertThat(staff.post("/api/service-points/" + point + "/card", "{\"cardNumber\":\"JT-0002\",\"holder\":"
                + "{\"name\":\"陈大文\",\"idNumber\":\"440104198502023456\",\"phone\":\"13700137000\"}}").status())
                .isEqualTo(201);

        // the administrator finds the former holder's subject where an erasure names it: the card's history
        JsonNode history = admin.get("/api/audit/aggregates/card-" + point + "/history").json();
        assertThat(history.get(0).get("type").asText()).isEqualTo("CollectiveCardIssued");
        String former = history.get(0).at("/payload/holderSubjectId").asText();
        assertThat(former).startsWith("card-holder-");

        assertProblem(admin.post("/api/service-points/" + point + "/card/holder/erasure",
                "{\"reason\":\"x\",\"holderSubjectId\":\"card-holder-of-nobody\"}"), 422, "card.holder-unknown");
        assertThat(admin.post("/api/service-points/" + point + "/card/holder/erasure",
                "{\"reason\":\"前任开卡人申请删除\",\"holderSubjectId\":\"" + former + "\"}").status()).isEqualTo(204);
        Long erasures = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE "
                + "payloadType = 'io.lendpoint.api.card.CardHolderDataErased' AND aggregateIdentifier = ?", Long.class,
                "card-" + point);
        assertThat(erasures).isEqualTo(1);

        JsonNode current = admin.post("/api/service-points/" + point + "/card/holder/disclosure",
                "{\"purpose\":\"核对开卡人身份\"}").json();
        assertThat(current.get("idNumber").asText()).isEqualTo("440104198502023456");
        JsonNode card = Eventually.await(Duration.ofSeconds(20),
                () -> staff.get("/api/service-points/" + point + "/card").json(),
                c -> c.path("history").toString().contains("former holder data erased"));
        assertThat(card.get("holderErased").asBoolean()).isFalse();
        assertThat(card.get("holderPhone").asText()).isEqualTo("137****7000");
    }

    private String approvedPoint(Api staff, String id) {
        assertThat(staff.post("/api/service-points", Requests.application(id)).status()).isEqualTo(201);
        staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(true, true, true));
        assertThat(staff.post("/api/service-points/" + id + "/approval", "{}").status()).isEqualTo(204);
        return id;
    }

    private String livePoint(Api staff, String id) {
        approvedPoint(staff, id);
        staff.post("/api/service-points/" + id + "/agreement", agreementParties());
        sign(staff, id);
        assertThat(staff.post("/api/service-points/" + id + "/card", card()).status()).isEqualTo(201);
        return id;
    }

    private static void sign(Api staff, String point) {
        for (String side : List.of("LIBRARY", "SERVICE_POINT")) {
            assertThat(staff.post("/api/service-points/" + point + "/agreement/signatures",
                    "{\"side\":\"" + side + "\",\"signatory\":\"经手人\",\"signedOn\":\"" + LivePoints.today() + "\"}")
                    .status()).isEqualTo(204);
        }
    }

    private static String agreementParties() {
        return "{\"library\":{\"name\":\"佛山市图书馆\",\"handler\":\"王馆员\"},"
                + "\"servicePoint\":{\"name\":\"佛山市禅城区第一小学\",\"handler\":\"李老师\"}}";
    }

    private static String card() {
        return "{\"cardNumber\":\"JT-0001\",\"holder\":{\"name\":\"李小明\",\"idNumber\":\"" + ID_NUMBER
                + "\",\"phone\":\"" + PHONE + "\"}}";
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asText()).isEqualTo(code);
    }
}
