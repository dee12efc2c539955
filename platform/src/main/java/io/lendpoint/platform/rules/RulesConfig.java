package io.lendpoint.platform.rules;

import io.lendpoint.api.rules.RuleSets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * A.2.4, A.2.5: the versioned fine and compensation rule sets agreements refer to — the bundled standard ones,
 * plus any in {@code lendpoint.rules.dir} (a library adds {@code compensation-standard-v2.txt} without a code
 * change).
 */
@Configuration(proxyBeanMethods = false)
public class RulesConfig {

    @Bean
    RuleSets ruleSets(@Value("${" + RuleSets.DIRECTORY_PROPERTY + ":}") String directory) {
        return directory.isBlank() ? RuleSets.bundled() : RuleSets.load(Path.of(directory));
    }
}
