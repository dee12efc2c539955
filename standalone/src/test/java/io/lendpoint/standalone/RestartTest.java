package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stop and start on the same data directory: nothing lost, projections resume, snapshots round-trip. */
class RestartTest {

    @TempDir
    Path data;

    @Test
    @DisplayName("restart: events, projections and tracking tokens survive; projections resume without duplicates")
    void restartKeepsEverything() {
        List<String> ids = new ArrayList<>();
        try (ConfigurableApplicationContext first = start(data, 100)) {
            Api staff = api(first);
            for (int i = 0; i < 5; i++) {
                ids.add(staff.post("/api/service-points", Requests.application(null)).json().get("id").asText());
            }
            staff.post("/api/service-points/" + ids.get(0) + "/inspections", Requests.inspection(true, true, true));
            staff.post("/api/service-points/" + ids.get(0) + "/approval", "{}");
            Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/" + ids.get(0)).json(),
                    detail -> detail.has("status") && detail.get("status").asText().equals("APPROVED"));
            assertThat(first.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
        }

        try (ConfigurableApplicationContext second = start(data, 100)) {
            Api staff = api(second);
            JsonNode list = staff.get("/api/service-points?size=50").json();
            assertThat(list.get("total").asLong()).isEqualTo(5);
            assertThat(list.get("items").findValuesAsText("servicePointId")).containsExactlyInAnyOrderElementsOf(ids);
            JsonNode approved = staff.get("/api/service-points/" + ids.get(0)).json();
            assertThat(approved.get("history").findValuesAsText("status"))
                    .containsExactly("APPLIED", "INSPECTION_PASSED", "APPROVED");
            assertThat(events(second)).isEqualTo(7);

            // tracking tokens were persisted next to the projections (not Axon's in-memory fallback)
            MongoClient mongo = second.getBean(MongoClient.class);
            List<Document> tokens = mongo.getDatabase("lendpoint").getCollection("axon_tracking_tokens")
                    .find().into(new ArrayList<>());
            assertThat(tokens).extracting(token -> token.getString("processorName") + "/" + token.getInteger("segment"))
                    .contains("service-points/0", "service-points/1", "agreements/0", "agreements/1", "cards/0",
                            "cards/1", "activation-policy/0", "activation-policy/1");
            assertThat(tokens).anySatisfy(token -> assertThat(token.getString("tokenType"))
                    .isEqualTo("org.axonframework.eventhandling.GapAwareTrackingToken"));

            // and the application keeps working on the same data
            staff.post("/api/service-points/" + ids.get(1) + "/rejection", "{\"reason\":\"不符合\"}");
            Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/" + ids.get(1)).json(),
                    detail -> detail.get("status").asText().equals("REJECTED"));
        }
    }

    @Test
    @DisplayName("snapshots: written by Jackson, read back after a restart, and the aggregate's rules still hold")
    void snapshotRoundTrip() {
        String id = "sp-snapshot";
        try (ConfigurableApplicationContext first = start(data, 100)) {
            failedReinspection(first, id);
            api(first).post("/api/service-points/" + id + "/contact",
                    "{\"contact\":{\"name\":\"陈老师\",\"phone\":\"13900139000\"}}");
            String snapshot = latestSnapshot(first, id, 3);
            // Jackson sees the aggregate's private fields (an empty {} here would make the aggregate unloadable)
            assertThat(snapshot).contains("\"servicePointId\":\"sp-snapshot\"").contains("\"status\":\"INSPECTION_FAILED\"")
                    .contains("\"inspectionCount\":2").contains("\"contact\":{");
        }
        try (ConfigurableApplicationContext second = start(data, 2)) {
            Api staff = api(second);
            // state from the snapshot: the latest inspection failed, so approval must still be refused …
            assertThat(staff.post("/api/service-points/" + id + "/approval", "{}").status()).isEqualTo(409);
            // … the contact is the changed one, so naming it again records nothing …
            long before = events(second);
            staff.post("/api/service-points/" + id + "/contact",
                    "{\"contact\":{\"name\":\"陈老师\",\"phone\":\"13900139000\"}}");
            assertThat(events(second)).isEqualTo(before);
            // … and after a passing re-inspection (number 3) approval names it
            staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(true, true, true));
            assertThat(staff.post("/api/service-points/" + id + "/approval", "{}").status()).isEqualTo(204);
            JsonNode detail = Eventually.await(Duration.ofSeconds(20), () -> staff.get("/api/service-points/" + id).json(),
                    d -> d.get("status").asText().equals("APPROVED"));
            assertThat(detail.get("inspections").findValuesAsText("number")).containsExactly("1", "2", "3");
        }
    }

    @Test
    @DisplayName("a snapshot of another revision of the aggregate is not used: the aggregate is rebuilt from its events")
    void snapshotOfAnotherRevisionIgnored() {
        String id = "sp-old-snapshot";
        try (ConfigurableApplicationContext first = start(data, 100)) {
            failedReinspection(first, id);
            // an older release's snapshot, as a revision-1 state would be, saying the inspection passed; the events
            // say it failed
            String snapshot = latestSnapshot(first, id, 2);
            assertThat(snapshot).contains("\"status\":\"INSPECTION_FAILED\"").contains("\"passedInspection\":0");
            String passed = snapshot.replace("\"status\":\"INSPECTION_FAILED\"", "\"status\":\"INSPECTION_PASSED\"")
                    .replace("\"passedInspection\":0", "\"passedInspection\":1");
            assertThat(new JdbcTemplate(first.getBean(DataSource.class)).update("UPDATE SnapshotEventEntry SET payloadRevision = '1', payload = ? WHERE "
                    + "aggregateIdentifier = ?", passed.getBytes(java.nio.charset.StandardCharsets.UTF_8), id))
                    .isPositive();
        }
        try (ConfigurableApplicationContext second = start(data, 100)) {
            // from the snapshot the point could be approved; from its events it cannot
            assertThat(api(second).post("/api/service-points/" + id + "/approval", "{}").status()).isEqualTo(409);
        }
    }

    @Test
    @DisplayName("one data directory serves one process: a second instance on it fails at once")
    void dataDirectoryIsExclusive() {
        try (ConfigurableApplicationContext first = start(data, 100)) {
            assertThatThrownBy(() -> start(data, 100)).hasStackTraceContaining("is in use by another Lendpoint process");
        }
    }

    /** A point applied for, inspected (passed) and inspected again (failed): sequence numbers 0 to 2. */
    private static void failedReinspection(ConfigurableApplicationContext context, String id) {
        Api staff = api(context);
        staff.post("/api/service-points", Requests.application(id));
        staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(true, true, true));
        staff.post("/api/service-points/" + id + "/inspections", Requests.inspection(true, false, true));
    }

    /**
     * The point's latest snapshot, once there is one that covers the event with the given sequence number. The
     * snapshot is requested from the application's snapshotter, as its trigger would, until there is one: snapshots
     * are taken on their own thread, and Axon drops a request made while another for the same aggregate runs.
     */
    private static String latestSnapshot(ConfigurableApplicationContext context, String id, long sequence) {
        Snapshots.await(context, "ServicePoint", id, sequence);
        return new String(PayloadCompression.expand(new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ? "
                        + "ORDER BY sequenceNumber DESC LIMIT 1", byte[].class, id)));
    }

    static ConfigurableApplicationContext start(Path data, int snapshotThreshold) {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--lendpoint.data-dir=" + data, "--server.port=0", "--lendpoint.mongo.port=0",
                "--lendpoint.snapshots.threshold=" + snapshotThreshold);
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return Api.at(port).as("staff", "staff-demo");
    }

    private static long events(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }
}
