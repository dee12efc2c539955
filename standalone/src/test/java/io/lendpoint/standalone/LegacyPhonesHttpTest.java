package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.lendpoint.api.personaldata.Masking;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.platform.audit.PersonalDataMask;
import io.lendpoint.platform.evolution.ContactPhoneUpcaster;
import io.lendpoint.api.servicepoint.Revision1Payloads;
import io.lendpoint.platform.personaldata.LegacyPlaintext;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A.6 on a store written before phones were protected: a point's application and contact change stored as revision
 * 1 (phones in plaintext) are read through the upcasters by the projections, the aggregate and the audit trail. The
 * phones show where staff need them, the audit trail withholds the old plaintext from everyone, and the former
 * contact's old phone can be erased.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyPhonesHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-legacy-phones-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    PersonalDataVault vault;

    @Test
    @DisplayName("A.6 revision-1 events: phones shown to staff, withheld in the audit trail, and the former contact's erasable")
    void legacyStore() {
        store(0, ServicePointApplied.class.getName(), Revision1Payloads.applied("sp-legacy"));
        store(1, ServicePointContactChanged.class.getName(), Revision1Payloads.contactChanged("sp-legacy"));
        Api admin = Api.at(port).as("admin", "admin-demo");

        JsonNode point = Eventually.await(Duration.ofSeconds(30), () -> admin.get("/api/service-points/sp-legacy"),
                reply -> reply.status() == 200 && reply.json().at("/contact/name").asText().equals("陈老师")).json();
        assertThat(point.at("/contact/phone").asText()).isEqualTo("0757-83001234");

        String li = ContactPhoneUpcaster.legacySubject("sp-legacy", "李老师");
        String encoded = Base64.getEncoder().encodeToString(("\0" + "13800138000").getBytes(StandardCharsets.UTF_8));
        for (Api reader : new Api[]{admin, Api.at(port).as("auditor", "auditor-demo")}) {
            JsonNode history = reader.get("/api/audit/aggregates/sp-legacy/history").json();
            assertThat(history.at("/0/payload/contact/phone/subjectId").asText()).isEqualTo(li);
            assertThat(history.at("/0/payload/contact/phone/ciphertext").asText()).isEqualTo(PersonalDataMask.WITHHELD);
            assertThat(history.toString()).doesNotContain("13800138000").doesNotContain(encoded);
            assertThat(reader.get("/api/audit/aggregates/sp-legacy/state").json().toString())
                    .doesNotContain("0757-83001234").contains(PersonalDataMask.WITHHELD);
        }

        assertThat(admin.post("/api/service-points/sp-legacy/contact/erasure",
                "{\"subjectId\":\"" + li + "\",\"reason\":\"本人申请删除\"}").status()).isEqualTo(204);
        assertThat(vault.revealOrErased(LegacyPlaintext.of(li, "13800138000"))).isEqualTo(Masking.ERASED);
        String chen = ContactPhoneUpcaster.legacySubject("sp-legacy", "陈老师");
        assertThat(admin.post("/api/service-points/sp-legacy/contact/erasure",
                "{\"subjectId\":\"" + chen + "\",\"reason\":\"现任\"}").status()).as("the current contact").isEqualTo(409);
        assertThat(admin.get("/api/service-points/sp-legacy").json().at("/contact/phone").asText())
                .isEqualTo("0757-83001234");
    }

    /** A row as an old release stored it: revision 1, phones in plaintext. */
    private void store(long sequence, String payloadType, String payload) {
        new JdbcTemplate(dataSource).update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, "
                        + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "sp-legacy", sequence, "ServicePoint",
                "legacy-event-" + sequence, "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), "1", payloadType, "2025-01-0" + (sequence + 2) + "T02:00:00Z");
    }
}
