package io.lendpoint.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Standalone mode, the default: command side and query side in one JVM with nothing to install. Events go to
 * an embedded HSQLDB event store, projections and tracking tokens to an embedded MongoDB-wire-compatible server
 * (reachable by any MongoDB driver or mongosh), all under one data directory.
 */
@SpringBootApplication
@ComponentScan(basePackages = "io.lendpoint",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "io\\.lendpoint\\.(command|query)\\.[A-Za-z]+Application"))
public class StandaloneApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
