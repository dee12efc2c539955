package io.lendpoint.command;

import org.axonframework.test.server.AxonServerContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** The containers of distributed mode's command side, as its Testcontainers tests declare them. */
final class DistributedContainers {

    private DistributedContainers() {
    }

    static AxonServerContainer axonServer() {
        return new AxonServerContainer().withDevMode(true);
    }

    static GenericContainer<?> postgres() {
        return new GenericContainer<>("postgres:16")
                .withEnv("POSTGRES_DB", "lendpoint")
                .withEnv("POSTGRES_USER", "lendpoint")
                .withEnv("POSTGRES_PASSWORD", "lendpoint")
                .withExposedPorts(5432)
                // the official image restarts once after its initialisation: wait for the second "ready"
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));
    }

    static String jdbcUrl(GenericContainer<?> postgres) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/lendpoint";
    }
}
