package io.lendpoint.command;

import io.lendpoint.api.servicepoint.ApplyForServicePoint;
import io.lendpoint.api.servicepoint.SampleApplications;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import io.lendpoint.platform.personaldata.JdbcPersonalDataVault;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode end to end on the command side: the application with its own {@code command-side.yml},
 * connected to a real Axon Server and a real PostgreSQL. The command travels through Axon Server to the aggregate
 * and the event it applies is read back from Axon Server's event store; tokens, deadlines and personal data keys
 * are in PostgreSQL. Skipped where no Docker engine is available.
 */
@SpringBootTest(classes = CommandSideApplication.class, properties = CommandSideApplication.CONFIG_NAME)
@Testcontainers(disabledWithoutDocker = true)
class CommandSideAxonServerTest {

    @Container
    static final AxonServerContainer AXON_SERVER = DistributedContainers.axonServer();

    @Container
    static final GenericContainer<?> POSTGRES = DistributedContainers.postgres();

    @DynamicPropertySource
    static void axonServer(DynamicPropertyRegistry properties) {
        properties.add("axon.axonserver.servers", AXON_SERVER::getAxonServerAddress);
        properties.add("spring.datasource.url", () -> DistributedContainers.jdbcUrl(POSTGRES));
        properties.add("spring.datasource.username", () -> "lendpoint");
        properties.add("spring.datasource.password", () -> "lendpoint");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    DeadlineManager deadlineManager;
    @Autowired
    PersonalDataVault vault;

    @Test
    @DisplayName("distributed: tokens, deadlines and personal data keys are in PostgreSQL, never in memory")
    void durableComponentsUsePostgres() {
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(vault).isInstanceOf(JdbcPersonalDataVault.class);
        assertThat(vault.reveal(vault.protect("subject-1", "张三"))).contains("张三");
    }

    @Test
    @DisplayName("distributed: ApplyForServicePoint through Axon Server stores ServicePointApplied in Axon Server")
    void applicationIsStoredInAxonServer() {
        String servicePointId = "sp-" + UUID.randomUUID().toString().substring(0, 8);
        ApplyForServicePoint apply = SampleApplications.apply(servicePointId);

        commands.sendAndWait(apply);

        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(servicePointId).asStream().toList();
        assertThat(events).hasSize(1);
        DomainEventMessage<?> event = events.get(0);
        assertThat(event.getSequenceNumber()).isZero();
        assertThat(event.getAggregateIdentifier()).isEqualTo(servicePointId);
        ServicePointApplied applied = (ServicePointApplied) event.getPayload();
        assertThat(applied).isEqualTo(new ServicePointApplied(servicePointId, null, apply.institution(),
                apply.plan(), applied.contact(), apply.space(), apply.qualification()));
        assertThat(applied.contact().name()).isEqualTo(apply.contact().name());
        assertThat(applied.contact().phone().ciphertext()).doesNotContain(apply.contact().phone());
        assertThat(vault.reveal(applied.contact().phone())).contains(apply.contact().phone());
    }

}
