package io.lendpoint.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Distributed mode: the command side alone (aggregates and the command HTTP API), with Axon Server as event
 * store and message router. Several instances may run; Axon Server routes each aggregate's commands to one.
 */
@SpringBootApplication(scanBasePackages = {"io.lendpoint.command", "io.lendpoint.platform"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
