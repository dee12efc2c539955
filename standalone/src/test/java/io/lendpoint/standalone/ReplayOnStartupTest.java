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

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI way: {@code --lendpoint.replay=<projections>} rebuilds them once the backend is up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayOnStartupTest {

    @DynamicPropertySource
    static void standaloneWithReplay(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-replay-flag-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
        registry.add("lendpoint.replay", () -> "operations,plans");
    }

    @LocalServerPort
    int port;

    @Test
    @DisplayName("--lendpoint.replay=operations,plans rebuilds exactly those at start-up")
    void replayedAtStartup() {
        Api admin = Api.at(port).as("admin", "admin-demo");
        JsonNode operations = admin.get("/api/admin/projections/operations").json();
        assertThat(operations.get("replayStartedAt").isNull()).isFalse();
        assertThat(admin.get("/api/admin/projections/plans").json().get("replayStartedAt").isNull()).isFalse();
        assertThat(admin.get("/api/admin/projections/batches").json().get("replayStartedAt").isNull()).isTrue();
    }
}
