package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7 for auditors: an aggregate's history, the stream searched, and an export checked against its manifest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-audit-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;

    @Autowired
    EventStorageEngine engine;
    @Autowired
    TimeSeek timeSeek;
    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("issue 8: a search from an instant goes through TimeSeek; its marks' table and the start's marking are there")
    void searchFromAnInstantWired(@Autowired ApplicationContext context) {
        assertThat(ReflectionTestUtils.getField(engine, "createTokenAt")).as("the engine's createTokenAt statement")
                .isSameAs(timeSeek);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM event_time_marks", Long.class))
                .as("the marks' table (no block settled in this small store)").isZero();
        assertThat(context.getBeansOfType(TimeMarksAtStart.class)).as("the start's marking").hasSize(1);
    }

    @Test
    @DisplayName("history with who did it and personal data masked for the auditor (not the administrator); search by point and user; NDJSON export matches its manifest")
    void historySearchExport() throws Exception {
        LivePoints.activated(commands, "sp-audit");
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api auditor = Api.at(port).as("auditor", "auditor-demo");
        Api admin = Api.at(port).as("admin", "admin-demo");
        assertThat(staff.post("/api/service-points/sp-audit/contact",
                "{\"contact\":{\"name\":\"王五\",\"phone\":\"13900139000\"},\"reason\":\"换人\"}").status()).isEqualTo(204);

        assertThat(staff.get("/api/audit/aggregates/sp-audit/history").status()).isEqualTo(403);
        JsonNode history = auditor.get("/api/audit/aggregates/sp-audit/history").json();
        assertThat(history.get(0).get("type").asText()).isEqualTo("ServicePointApplied");
        JsonNode change = history.get(history.size() - 1);
        assertThat(change.get("type").asText()).isEqualTo("ServicePointContactChanged");
        assertThat(change.get("user").asText()).isEqualTo("staff");
        assertThat(change.get("role").asText()).isEqualTo("LIBRARY_STAFF");
        assertThat(change.get("requestId").asText()).isNotBlank();
        // A.6: the phone is protected in the event itself; its subject is what an erasure names
        assertThat(change.at("/payload/contact/phone/subjectId").asText()).isEqualTo("contact-sp-audit-2");
        assertThat(change.at("/payload/contact/name").asText()).isEqualTo("王*");
        JsonNode unmasked = admin.get("/api/audit/aggregates/sp-audit/history").json();
        assertThat(unmasked.get(unmasked.size() - 1).at("/payload/contact/name").asText()).isEqualTo("王五");
        assertThat(unmasked.toString()).doesNotContain("13900139000");
        assertThat(auditor.get("/api/audit/aggregates/nothing-here/history").status()).isEqualTo(404);

        JsonNode byStaff = auditor.get("/api/audit/events?servicePointId=sp-audit&user=staff").json();
        assertThat(byStaff.get("items")).hasSize(1);
        assertThat(byStaff.get("nextPosition").isNull()).isTrue();
        JsonNode firstPage = auditor.get("/api/audit/events?servicePointId=sp-audit&size=2").json();
        assertThat(firstPage.get("items")).hasSize(2);
        long next = firstPage.get("nextPosition").asLong();
        JsonNode secondPage = auditor.get("/api/audit/events?servicePointId=sp-audit&size=2&fromPosition=" + next).json();
        assertThat(secondPage.get("items").get(0).get("position").asLong()).isEqualTo(next);
        assertThat(secondPage.get("items").get(0).get("sequence").asLong())
                .isGreaterThan(firstPage.get("items").get(1).get("sequence").asLong());

        Api.Bytes export = auditor.getBytes("/api/audit/export?servicePointId=sp-audit");
        assertThat(export.status()).isEqualTo(200);
        String ndjson = new String(export.body(), StandardCharsets.UTF_8);
        long lines = ndjson.lines().count();
        long until = Long.parseLong(ndjson.lines().reduce((a, b) -> b).map(last -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(last).get("position").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).orElseThrow());
        JsonNode manifest = auditor.get("/api/audit/export/manifest?servicePointId=sp-audit&untilPosition=" + until).json();
        // the point's own events and those of its agreement and card, which name it
        assertThat(manifest.get("count").asLong()).isEqualTo(lines).isGreaterThan(history.size());
        assertThat(ndjson).contains("\"aggregateId\":\"agreement-sp-audit\"", "\"aggregateId\":\"card-sp-audit\"");
        assertThat(manifest.get("lastPosition").asLong()).isEqualTo(until);
        assertThat(manifest.get("sha256").asText()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(export.body())));
    }
}
