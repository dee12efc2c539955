package io.lendpoint.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Distributed mode: the command side alone (aggregates and the command HTTP API), with Axon Server as event
 * store and message router. Several instances may run; Axon Server routes each aggregate's commands to one.
 */
@SpringBootApplication(scanBasePackages = {"io.lendpoint.command", "io.lendpoint.platform"})
public class CommandSideApplication {

    /** Its own {@code command-side.yml}: an {@code application.yml} here would also configure the standalone jar. */
    static final String CONFIG_NAME = "spring.config.name=command-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
