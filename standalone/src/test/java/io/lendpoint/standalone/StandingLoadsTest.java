package io.lendpoint.standalone;

import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStandingQuery;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStandingQuery;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStandingQuery;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import org.springframework.context.ApplicationContext;
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
    CommandGateway commands;
    @Autowired
    ApplicationContext app;
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

    @Test
    @DisplayName("§4.2.2–§4.3 the rules that ask about a point, its agreement and its card hold with every standing read from the store, snapshots included")
    void everyStandingFromTheStore() {
        String point = "sp-uncached";
        LivePoints.activated(commands, point);
        // a snapshot of the point and of the agreement, so that their loads from the store start from one (the card
        // has one event, and Axon takes no snapshot that would replace a single event)
        Snapshots.await(app, "ServicePoint", point, 0);
        Snapshots.await(app, "Agreement", AgreementIds.forServicePoint(point), 0);

        assertThat(queries.query(new ServicePointStandingQuery(point), ServicePointStanding.class).join().status())
                .isEqualTo(ServicePointStatus.ACTIVE);
        assertThat(queries.query(new AgreementStandingQuery(point), AgreementStanding.class).join().status())
                .isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(queries.query(new CardStandingQuery(point), CardStanding.class).join().status())
                .isEqualTo(CardStatus.ACTIVE);
    }
}
