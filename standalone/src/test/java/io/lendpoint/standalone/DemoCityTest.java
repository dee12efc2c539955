package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented demo flag: a fresh instance started with {@code --lendpoint.demo-city.points=3} has filled dashboards. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoCityTest {

    @DynamicPropertySource
    static void freshInstanceWithDemoCity(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-demo-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
        registry.add("lendpoint.demo-city.points", () -> 3);
    }

    @LocalServerPort
    int port;

    @Test
    @DisplayName("three live points with batches, loans, feedback and activities: ranked, and sp-demo seen by its manager")
    void demoCityLoaded() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        JsonNode ranking = Eventually.await(Duration.ofSeconds(60), () -> staff.get("/api/evaluations/ranking?period="
                        + LivePoints.today().getYear()).json(),
                r -> r.path("entries").size() == 3 && r.path("entries").get(2).path("composite").isNumber());
        assertThat(ranking.get("entries").findValuesAsText("servicePointId")).contains("sp-demo", "sp-demo-002",
                "sp-demo-003");
        Api manager = Api.at(port).as("manager", "manager-demo");
        JsonNode mine = manager.get("/api/evaluations/service-points/sp-demo?period=" + LivePoints.today().getYear()).json();
        assertThat(mine.get("composite").isNumber()).isTrue();
        assertThat(manager.get("/api/service-points/sp-demo/batches").json().get("total").asInt()).isEqualTo(1);
    }
}
