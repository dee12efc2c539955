package io.lendpoint.standalone;

import io.lendpoint.api.agreement.AgreementSigned;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event evolution in the running backend: a payload stored by an old release is read in today's shape. The stored
 * row has no agreement before it, which the projections would keep retrying: the context is closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class EventEvolutionTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-evolution-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    EventStore events;

    @Test
    @DisplayName("an AgreementSigned stored as revision 1 is read from the event store as revision 2, with its point")
    void storedRevision1IsUpcast() {
        new JdbcTemplate(dataSource).update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, "
                        + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "agreement-sp-old", 0, "Agreement", "old-event-1",
                "{}".getBytes(StandardCharsets.UTF_8),
                "{\"agreementId\":\"agreement-sp-old\",\"side\":\"LIBRARY\",\"signatory\":\"王馆员\",\"signedOn\":\"2025-01-02\"}"
                        .getBytes(StandardCharsets.UTF_8), "1", AgreementSigned.class.getName(), "2025-01-02T02:00:00Z");
        List<? extends DomainEventMessage<?>> read = events.readEvents("agreement-sp-old").asStream().toList();
        assertThat(read).hasSize(1);
        AgreementSigned signed = (AgreementSigned) read.get(0).getPayload();
        assertThat(signed.servicePointId()).isEqualTo("sp-old");
        assertThat(signed.signatory()).isEqualTo("王馆员");
    }
}
