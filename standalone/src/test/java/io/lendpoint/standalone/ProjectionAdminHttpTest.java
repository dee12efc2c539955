package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.lendpoint.api.loanbatch.LendItems;
import io.lendpoint.api.operations.AskQuestion;
import io.lendpoint.api.operations.ConsultationChannel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.List;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7 for operators: rebuilding a projection from the event store over HTTP, with its progress. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionAdminHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-replay-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoTemplate mongo;

    @Test
    @DisplayName("the administrator rebuilds a projection: its collection is emptied and refilled from the event store, with progress")
    void replay() {
        LivePoints.activated(commands, "sp-replay");
        for (int i = 0; i < 5; i++) {
            commands.sendAndWait(new AskQuestion("cq-r" + i, "sp-replay", ConsultationChannel.PHONE, "问题 " + i, "李老师",
                    null));
        }
        Api admin = Api.at(port).as("admin", "admin-demo");
        Eventually.await(Duration.ofSeconds(20), () -> admin.get("/api/consultations?servicePointId=sp-replay").json(),
                page -> page.path("total").asInt() == 5);
        JsonNode all = admin.get("/api/admin/projections").json();
        assertThat(all.findValuesAsText("name")).contains("operations", "batches", "evaluation-facts")
                .doesNotContain("consultations", "feedback");

        assertThat(Api.at(port).as("staff", "staff-demo").post("/api/admin/projections/operations/replay", "{}")
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/projections/nothing/replay", "{}").status()).isEqualTo(404);
        // a document the events do not support is gone after the rebuild: the collection is rebuilt, not patched
        mongo.getCollection("consultations").insertOne(new org.bson.Document("_id", "stray").append("servicePointId", "sp-replay"));
        Api.Reply started = admin.post("/api/admin/projections/operations/replay", "{}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("replayTarget").asLong()).isPositive();
        JsonNode done = Eventually.await(Duration.ofSeconds(30), () -> admin.get("/api/admin/projections/operations").json(),
                status -> !status.path("replaying").asBoolean() && status.hasNonNull("behind")
                        && status.path("behind").asLong() == 0 && status.path("processedSinceReplay").asLong() > 0);
        assertThat(done.get("processedSinceReplay").asLong()).isPositive();
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(Eventually.await(Duration.ofSeconds(20),
                () -> admin.get("/api/consultations?servicePointId=sp-replay").json(),
                page -> page.path("total").asInt() == 5).get("total").asInt()).isEqualTo(5);
        assertThat(mongo.getCollection("consultations").countDocuments(new org.bson.Document("_id", "stray"))).isZero();
    }

    @Test
    @DisplayName("the integrity check finds no drift in step, then the documents missing, extra and behind the event store")
    void integrity() {
        LivePoints.activated(commands, "sp-integrity");
        commands.sendAndWait(new AskQuestion("cq-int", "sp-integrity", ConsultationChannel.PHONE, "问题", "李老师", null));
        // a batch lent out in the point: events the batch projection does not handle (ItemLent) are not drift
        LivePoints.receivedBatch(commands, "sp-integrity", "b-int", "IN0001");
        commands.sendAndWait(new LendItems("b-int", "sp-integrity", "R-1", List.of("IN0001"), LivePoints.today()));
        Api admin = Api.at(port).as("admin", "admin-demo");
        JsonNode clean = Eventually.await(Duration.ofSeconds(20), () -> admin.get("/api/admin/projections/integrity").json(),
                report -> !report.path("drift").asBoolean());
        // each checked collection names a processor that exists: a wrong name would never report a document behind
        assertThat(admin.get("/api/admin/projections").json().findValuesAsText("name"))
                .containsAll(clean.get("collections").findValuesAsText("processingGroup"));
        assertThat(check(clean, "loan_batches").get("aggregatesInStore").asLong()).isEqualTo(1);
        JsonNode points = check(clean, "service_points");
        assertThat(points.get("aggregatesInStore").asLong()).isEqualTo(points.get("documents").asLong()).isPositive();
        assertThat(Api.at(port).as("auditor", "auditor-demo").get("/api/admin/projections/integrity").status())
                .isEqualTo(403);

        mongo.getCollection("consultations").insertOne(new org.bson.Document("_id", "cq-ghost").append("lastSequence", 0L));
        mongo.getCollection("service_points").deleteOne(new org.bson.Document("_id", "sp-integrity"));
        mongo.getCollection("agreements").updateOne(new org.bson.Document("_id", "agreement-sp-integrity"),
                new org.bson.Document("$set", new org.bson.Document("lastSequence", 0L)));
        JsonNode drifted = admin.get("/api/admin/projections/integrity").json();
        assertThat(drifted.get("drift").asBoolean()).isTrue();
        assertThat(check(drifted, "consultations").get("extra").toString()).contains("cq-ghost");
        assertThat(check(drifted, "service_points").get("missing").toString()).contains("sp-integrity");
        assertThat(check(drifted, "agreements").get("behind").get(0).get("id").asText()).isEqualTo("agreement-sp-integrity");
        assertThat(check(drifted, "agreements").get("behind").get(0).get("storeVersion").asLong()).isPositive();
    }

    private static JsonNode check(JsonNode report, String collection) {
        for (JsonNode check : report.get("collections")) {
            if (check.get("collection").asText().equals(collection)) {
                return check;
            }
        }
        throw new AssertionError("no check of " + collection);
    }
}
