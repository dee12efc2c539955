package io.lendpoint.platform.evolution;

import io.lendpoint.api.agreement.AgreementSigned;
import io.lendpoint.api.agreement.Side;
import io.lendpoint.platform.serialization.MessageJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementSignedUpcasterTest {

    /** A payload exactly as revision 1 stored it (before the service point was carried). */
    private static final String REVISION_1 = """
            {"agreementId":"agreement-sp-7","side":"SERVICE_POINT","signatory":"李校长","signedOn":"2026-03-02"}""";

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(MessageJson.newObjectMapper())
            .lenientDeserialization().build();

    private static GenericDomainEventEntry<byte[]> stored(String revision, String payload) {
        return new GenericDomainEventEntry<>("Agreement", "agreement-sp-7", 1, "event-1", Instant.parse(
                "2026-03-02T02:00:00Z"), AgreementSigned.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a stored revision-1 AgreementSigned is read as revision 2, with the point taken from the agreement id")
    void revision1IsUpcast() {
        DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored("1", REVISION_1)), serializer, new AgreementSignedUpcaster()).next();
        assertThat(read.getPayload()).isEqualTo(new AgreementSigned("agreement-sp-7", "sp-7", Side.SERVICE_POINT,
                "李校长", LocalDate.of(2026, 3, 2)));
    }

    @Test
    @DisplayName("a revision-2 payload passes unchanged")
    void revision2Untouched() {
        String current = """
                {"agreementId":"agreement-sp-7","servicePointId":"sp-7","side":"LIBRARY","signatory":"王馆员",\
                "signedOn":"2026-03-01"}""";
        DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored("2", current)), serializer, new AgreementSignedUpcaster()).next();
        assertThat(read.getPayload()).isEqualTo(new AgreementSigned("agreement-sp-7", "sp-7", Side.LIBRARY, "王馆员",
                LocalDate.of(2026, 3, 1)));
    }
}
