package io.lendpoint.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Distributed mode: the query side alone (MongoDB projections, query handlers, query HTTP API), reading the
 * event stream from Axon Server. Scale out by running more instances: the pooled streaming processors share
 * the segments between them through the token store.
 */
@SpringBootApplication(scanBasePackages = {"io.lendpoint.query", "io.lendpoint.platform"})
public class QuerySideApplication {

    /** Its own {@code query-side.yml}: an {@code application.yml} here would also configure the standalone jar. */
    static final String CONFIG_NAME = "spring.config.name=query-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
