package io.lendpoint.standalone;

import io.lendpoint.api.servicepoint.ServicePointRejected;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStandingQuery;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode's standing queries ({@code lendpoint.standings.uncached=true}, as command-side.yml sets): an
 * instance that once owned a point may still cache an old copy of it, and a query routed there must not answer from
 * it. Here another instance's change is stored straight into the event store, past this instance's cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandingLoadsTest {

    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("lendpoint-standing-test");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void standaloneOnTemporaryDataWithUncachedStandings(DynamicPropertyRegistry registry) {
        registry.add("lendpoint.data-dir", DATA::toString);
        registry.add("lendpoint.mongo.port", () -> 0);
        registry.add("lendpoint.standings.uncached", () -> true);
    }

    @LocalServerPort
    int port;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("servicePointCache")
    Cache servicePoints;

    @Test
    @DisplayName("a standing is read from the event store, not from an old cached copy of the aggregate")
    void standingNotFromAnOldCachedCopy() {
        Api staff = Api.at(port).as("staff", "staff-demo");
        Api.Reply created = staff.post("/api/service-points", Requests.application(null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(servicePoints.containsKey(id)).as("the point as applied, cached here").isTrue();

        // another instance, owning the point now, rejects it: the event is stored, this instance's copy not told
        eventStore.publish(new GenericDomainEventMessage<>("ServicePoint", id, 1,
                new ServicePointRejected(id, "另一实例驳回 / rejected on another instance")));
        assertThat(servicePoints.containsKey(id)).as("the old copy is still cached here").isTrue();

        ServicePointStanding standing = queries.query(new ServicePointStandingQuery(id), ServicePointStanding.class)
                .join();
        assertThat(standing.status()).isEqualTo(ServicePointStatus.REJECTED);
    }
}
