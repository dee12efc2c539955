package io.lendpoint.platform.evolution;

import io.lendpoint.api.agreement.AgreementDrafted;
import io.lendpoint.api.agreement.RecordedParty;
import io.lendpoint.api.personaldata.Masking;
import io.lendpoint.api.servicepoint.Revision1Payloads;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.platform.personaldata.JdbcPersonalDataVault;
import io.lendpoint.platform.personaldata.LegacyPlaintext;
import io.lendpoint.platform.serialization.MessageJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A.6: events stored before phones were protected (revision 1, phones in plaintext) are read as revision 2, each
 * phone a legacy {@code ProtectedValue} whose subject names the person, so the vault shows it until that person is
 * erased, in every event that named them.
 */
class PhoneUpcastersTest {

    /** A payload exactly as revision 1 stored it; the point's are in {@link Revision1Payloads}. */
    private static final String DRAFTED_1 = """
            {"agreementId":"agreement-sp-7","servicePointId":"sp-7","contractNumber":1,\
            "terms":{"maxItemsOut":2000,"loanTermMonths":12,"validityMonths":24,\
            "fineRules":{"id":"fines-standard","version":1},"compensationRules":{"id":"compensation-standard","version":1}},\
            "library":{"name":"佛山市图书馆","handler":"王馆员","handlerPhone":"0757-83001234"},\
            "servicePoint":{"name":"佛山市第一小学","handler":"李老师","handlerPhone":null}}""";

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(MessageJson.newObjectMapper())
            .lenientDeserialization().build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new ContactPhoneUpcaster(),
            new HandlerPhoneUpcaster());

    private static GenericDomainEventEntry<byte[]> stored(String type, String aggregate, String revision, long sequence,
                                                          String payload) {
        return new GenericDomainEventEntry<>(type.substring(type.lastIndexOf('.') + 1), aggregate, sequence,
                "event-" + sequence, Instant.parse("2026-03-02T02:00:00Z"), type, revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private List<? extends DomainEventMessage<?>> read(GenericDomainEventEntry<?>... entries) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Arrays.stream(entries), serializer,
                upcasters).asStream().toList();
    }

    @Test
    @DisplayName("A.6 a revision-1 application and contact change read as revision 2: no phone in the clear in the payloads, one subject per person")
    void contactPhones() {
        List<? extends DomainEventMessage<?>> events = read(
                stored(ServicePointApplied.class.getName(), "sp-7", "1", 0, Revision1Payloads.applied("sp-7")),
                stored(ServicePointContactChanged.class.getName(), "sp-7", "1", 1,
                        Revision1Payloads.contactChanged("sp-7")));

        ServicePointApplied applied = (ServicePointApplied) events.get(0).getPayload();
        ServicePointContactChanged changed = (ServicePointContactChanged) events.get(1).getPayload();
        String li = ContactPhoneUpcaster.legacySubject("sp-7", "李老师");
        assertThat(applied.contact().name()).isEqualTo("李老师");
        assertThat(applied.contact().phone()).isEqualTo(LegacyPlaintext.of(li, "13800138000"));
        assertThat(applied.plan().wantedCategories()).containsExactly("I", "K", "Z");
        assertThat(changed.previous()).isEqualTo(applied.contact());
        assertThat(changed.contact().phone()).isEqualTo(LegacyPlaintext.of(
                ContactPhoneUpcaster.legacySubject("sp-7", "陈老师"), "0757-83001234"));
        assertThat(changed.reason()).isEqualTo("调岗");

        JdbcPersonalDataVault vault = vault();
        assertThat(vault.reveal(applied.contact().phone())).contains("13800138000");
        vault.erase(li);
        assertThat(vault.revealOrErased(applied.contact().phone())).isEqualTo(Masking.ERASED);
        assertThat(vault.revealOrErased(changed.previous().phone())).isEqualTo(Masking.ERASED);
        assertThat(vault.revealOrErased(changed.contact().phone())).isEqualTo("0757-83001234");
    }

    @Test
    @DisplayName("A.6 a revision-1 draft reads as revision 2: a handler's phone protected, a missing one stays missing")
    void handlerPhones() {
        AgreementDrafted drafted = (AgreementDrafted) read(stored(AgreementDrafted.class.getName(), "agreement-sp-7",
                "1", 0, DRAFTED_1)).get(0).getPayload();

        assertThat(drafted.library()).isEqualTo(new RecordedParty("佛山市图书馆", "王馆员", LegacyPlaintext.of(
                HandlerPhoneUpcaster.legacySubject("agreement-sp-7", "library", "王馆员"), "0757-83001234")));
        assertThat(drafted.servicePoint()).isEqualTo(new RecordedParty("佛山市第一小学", "李老师", null));
        assertThat(drafted.terms().maxItemsOut()).isEqualTo(2000);
        assertThat(vault().reveal(drafted.library().handlerPhone())).contains("0757-83001234");
    }

    @Test
    @DisplayName("revision-2 payloads pass unchanged")
    void revision2Untouched() {
        String current = """
                {"servicePointId":"sp-7","previous":{"name":"李老师","phone":{"subjectId":"contact-sp-7-1",\
                "ciphertext":"AQ=="}},"contact":{"name":"陈老师","phone":{"subjectId":"contact-sp-7-2",\
                "ciphertext":"AQI="}},"reason":"调岗"}""";
        ServicePointContactChanged changed = (ServicePointContactChanged) read(stored(
                ServicePointContactChanged.class.getName(), "sp-7", "2", 1, current)).get(0).getPayload();

        assertThat(changed.previous().phone().subjectId()).isEqualTo("contact-sp-7-1");
        assertThat(changed.contact().phone().ciphertext()).isEqualTo("AQI=");
    }

    private static JdbcPersonalDataVault vault() {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:vault-" + UUID.randomUUID());
        dataSource.setUser("SA");
        return new JdbcPersonalDataVault(dataSource);
    }
}
