package io.lendpoint.standalone;

import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import io.lendpoint.standalone.EmbeddedPersonalDataVaultConfig.EmbeddedPersonalDataVault;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPersonalDataVaultTest {

    @Test
    @DisplayName("A.6 standalone keeps the personal data keys in <data-dir>/vault, apart from the event store, across restarts")
    void keysLiveInTheirOwnDatabase(@TempDir Path dataDir) throws IOException {
        AtomicReference<ProtectedValue> protectedValue = new AtomicReference<>();
        AtomicReference<EmbeddedPersonalDataVault> firstVault = new AtomicReference<>();
        runner(dataDir).run(context -> {
            assertThat(context).hasSingleBean(PersonalDataVault.class);
            assertThat(context).doesNotHaveBean(DataSource.class); // never a second DataSource for Boot/Axon
            PersonalDataVault vault = context.getBean(PersonalDataVault.class);
            protectedValue.set(vault.protect("holder-1", "11010519491231002X"));
            firstVault.set(context.getBean(EmbeddedPersonalDataVault.class));
        });
        assertThat(firstVault.get().isClosed()).as("pool closed with the application").isTrue();

        try (Stream<Path> files = Files.list(dataDir.resolve("vault"))) {
            assertThat(files.map(file -> file.getFileName().toString())).contains("keys.script");
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("eventstore"))) {
            assertThat(files).isEmpty();
        }
        // cleanly shut down: the key table is in the script, never the plaintext
        String script = Files.readString(dataDir.resolve("vault").resolve("keys.script"), StandardCharsets.UTF_8);
        assertThat(script).containsIgnoringCase("personal_data_key").doesNotContain("11010519491231002X");

        runner(dataDir).run(context -> {
            PersonalDataVault vault = context.getBean(PersonalDataVault.class);
            assertThat(vault.reveal(protectedValue.get())).contains("11010519491231002X");
            vault.erase("holder-1");
        });
        runner(dataDir).run(context -> {
            PersonalDataVault vault = context.getBean(PersonalDataVault.class);
            assertThat(vault.reveal(protectedValue.get())).isEmpty();
            assertThat(vault.isErased("holder-1")).isTrue();
        });
    }

    private static ApplicationContextRunner runner(Path dataDir) {
        return new ApplicationContextRunner()
                .withBean(DataDirectory.class, () -> DataDirectory.open(dataDir))
                .withUserConfiguration(EmbeddedPersonalDataVaultConfig.class);
    }
}
