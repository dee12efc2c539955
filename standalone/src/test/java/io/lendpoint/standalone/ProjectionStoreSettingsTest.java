package io.lendpoint.standalone;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's setting the projection store cannot work with stops the start, naming the setting. */
class ProjectionStoreSettingsTest {

    private final EmbeddedProjectionStoreConfig config = new EmbeddedProjectionStoreConfig();

    @Test
    @DisplayName("a commit interval of zero or less is refused before the store is opened")
    void commitIntervalMustBePositive() {
        for (Duration interval : new Duration[]{Duration.ZERO, Duration.ofMillis(-500)}) {
            assertThatThrownBy(() -> config.embeddedMongoServer(null, "127.0.0.1", 0, interval, 96))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lendpoint.projections.commit-interval");
        }
    }

    @Test
    @DisplayName("a page cache under 1 MB is refused (H2 would run with none) before the store is opened")
    void cacheMustBeAtLeastOneMegabyte() {
        for (int cacheMb : new int[]{0, -1}) {
            assertThatThrownBy(() -> config.embeddedMongoServer(null, "127.0.0.1", 0, Duration.ofMillis(500),
                    cacheMb))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lendpoint.projections.cache-mb");
        }
    }
}
