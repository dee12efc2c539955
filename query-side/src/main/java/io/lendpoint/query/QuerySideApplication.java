package io.lendpoint.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Distributed mode: the query side alone (MongoDB projections, query handlers, query HTTP API), reading the
 * event stream from Axon Server. Scale out by running more instances: the pooled streaming processors share
 * the segments between them through the token store.
 */
@SpringBootApplication(scanBasePackages = {"io.lendpoint.query", "io.lendpoint.platform"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
