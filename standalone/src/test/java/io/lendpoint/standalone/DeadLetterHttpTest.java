package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.lendpoint.api.agreement.AgreementSigned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7: a poison event is parked with its cause, the projection goes on, and a retry after the fix clears it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-dlq-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
        registry.add("lendpoint.projections.dead-letter-retry", () -> "PT1H"); // retried by hand here
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    MongoTemplate mongo;

    @Test
    @DisplayName("a signature for an agreement the projection never saw is parked; later agreements still project; fixed and retried, it goes through")
    void poisonEvent() {
        new JdbcTemplate(dataSource).update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, "
                        + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "agreement-sp-poison", 0, "Agreement", "poison-1",
                "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"agreementId\":\"agreement-sp-poison\",\"servicePointId\":\"sp-poison\",\"side\":\"LIBRARY\","
                        + "\"signatory\":\"王馆员\",\"signedOn\":\"2026-11-01\"}").getBytes(StandardCharsets.UTF_8),
                "2", AgreementSigned.class.getName(), Instant.now().toString());
        LivePoints.activated(commands, "sp-after");

        Api admin = Api.at(port).as("admin", "admin-demo");
        // the agreements projection did not stop at the poison: the later agreement is there
        Eventually.await(Duration.ofSeconds(20), () -> admin.get("/api/service-points/sp-after/agreement"),
                reply -> reply.status() == 200);
        JsonNode parked = Eventually.await(Duration.ofSeconds(20), () -> admin.get("/api/admin/dead-letters").json(),
                letters -> letters.at("/counts/agreements").asLong() == 1);
        JsonNode letter = parked.get("items").get(0);
        assertThat(letter.get("eventType").asText()).isEqualTo("AgreementSigned");
        assertThat(letter.get("aggregateId").asText()).isEqualTo("agreement-sp-poison");
        assertThat(letter.get("causeMessage").asText()).contains("not projected yet");
        assertThat(Api.at(port).as("auditor", "auditor-demo").get("/api/admin/dead-letters").status()).isEqualTo(403);
        // every projection has a queue (the command side's policies, in this one JVM, have none)
        java.util.List<String> projections = new java.util.ArrayList<>();
        admin.get("/api/admin/projections").json().forEach(p -> projections.add(p.get("name").asText()));
        projections.removeIf(name -> name.endsWith("-policy"));
        java.util.List<String> queued = new java.util.ArrayList<>();
        parked.get("counts").fieldNames().forEachRemaining(queued::add);
        assertThat(queued).containsExactlyInAnyOrderElementsOf(projections);

        JsonNode stillFailing = admin.post("/api/admin/dead-letters/retry", "{}").json();
        assertThat(stillFailing.at("/counts/agreements").asLong()).isEqualTo(1);

        // the fix: the agreement the signature belongs to is put in place; the retry now goes through
        mongo.getCollection("agreements").insertOne(new org.bson.Document("_id", "agreement-sp-poison")
                .append("servicePointId", "sp-poison").append("lastSequence", -1L).append("contractNumber", 1));
        JsonNode retried = admin.post("/api/admin/dead-letters/retry", "{}").json();
        assertThat(retried.get("sequencesThrough").asInt()).isEqualTo(1);
        assertThat(retried.at("/counts/agreements").asLong()).isZero();
        assertThat(mongo.getCollection("agreements").find(new org.bson.Document("_id", "agreement-sp-poison")).first()
                .getLong("lastSequence")).isZero();
    }
}
