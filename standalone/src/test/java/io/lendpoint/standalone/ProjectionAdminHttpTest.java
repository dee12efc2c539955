package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
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
        assertThat(all.findValuesAsText("name")).contains("consultations", "batches", "evaluation-facts");

        assertThat(Api.at(port).as("staff", "staff-demo").post("/api/admin/projections/consultations/replay", "{}")
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/projections/nothing/replay", "{}").status()).isEqualTo(404);
        // a document the events do not support is gone after the rebuild: the collection is rebuilt, not patched
        mongo.getCollection("consultations").insertOne(new org.bson.Document("_id", "stray").append("servicePointId", "sp-replay"));
        Api.Reply started = admin.post("/api/admin/projections/consultations/replay", "{}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("replayTarget").asLong()).isPositive();
        JsonNode done = Eventually.await(Duration.ofSeconds(30), () -> admin.get("/api/admin/projections/consultations").json(),
                status -> !status.path("replaying").asBoolean() && status.path("behind").asLong() == 0);
        assertThat(done.get("processedSinceReplay").asLong()).isPositive();
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(Eventually.await(Duration.ofSeconds(20),
                () -> admin.get("/api/consultations?servicePointId=sp-replay").json(),
                page -> page.path("total").asInt() == 5).get("total").asInt()).isEqualTo(5);
        assertThat(mongo.getCollection("consultations").countDocuments(new org.bson.Document("_id", "stray"))).isZero();
    }
}
