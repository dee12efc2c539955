package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AmendAgreement;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.RenewBatch;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.api.servicepoint.ChangeServicePointContact;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7: state as it was at an instant, rebuilt from the events up to then, not from the projections. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PointInTimeHttpTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-pit-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;

    @Test
    @DisplayName("a point with its agreement, card and batches before and after an amendment, a batch renewal, a contact change and a new request; the history crosses them")
    void stateThenAndNow() throws Exception {
        LivePoints.activated(commands, "sp-pit");
        java.time.LocalDate today = LivePoints.today();
        LivePoints.receivedBatch(commands, "sp-pit", "b-pit", "PT0001");
        Thread.sleep(20);
        Instant before = Instant.now();
        Thread.sleep(20);
        AgreementTerms amended = new AgreementTerms(1500, 12, 24, LivePoints.TERMS.fineRules(),
                LivePoints.TERMS.compensationRules());
        commands.sendAndWait(new AmendAgreement("agreement-sp-pit", amended, today, "馆藏调整"));
        commands.sendAndWait(new RenewBatch("b-pit", "sp-pit"));
        commands.sendAndWait(new ChangeServicePointContact("sp-pit", new ResponsibleContact("陈老师", "13900139123"), "换人"));
        commands.sendAndWait(new RequestBatch("b-pit-2", "sp-pit", List.of(new CategoryQuantity("I", 10)),
                today.plusDays(7), "图书室", null, null));

        Api auditor = Api.at(port).as("auditor", "auditor-demo");
        JsonNode then = auditor.get("/api/audit/service-points/sp-pit/state?at=" + before).json();
        JsonNode now = auditor.get("/api/audit/service-points/sp-pit/state").json();
        assertThat(then.at("/servicePoint/state/status").asText()).isEqualTo("ACTIVE");
        // A.6: the contact's phone is protected in the state too; its subject names the appointment
        assertThat(then.at("/servicePoint/state/contact/phone/subjectId").asText()).isEqualTo("contact-sp-pit-1");
        assertThat(now.at("/servicePoint/state/contact/phone/subjectId").asText()).isEqualTo("contact-sp-pit-2");
        assertThat(now.at("/servicePoint/state/contact/name").asText()).isEqualTo("陈**");
        assertThat(now.at("/servicePoint/version").asLong()).isEqualTo(then.at("/servicePoint/version").asLong() + 1);
        assertThat(then.at("/agreement/state/status").asText()).isEqualTo("IN_FORCE");
        assertThat(then.at("/agreement/state/terms/maxItemsOut").asInt()).isEqualTo(2000);
        assertThat(now.at("/agreement/state/terms/maxItemsOut").asInt()).isEqualTo(1500);
        assertThat(then.at("/card/aggregateType").asText()).isEqualTo("CollectiveCard");
        assertThat(then.get("batches")).hasSize(1);
        assertThat(then.at("/batches/0/state/renewals").asInt()).isZero();
        assertThat(now.at("/batches/0/state/renewals").asInt()).isEqualTo(1);
        assertThat(now.at("/batches/0/state/dueOn").asText()).isNotEqualTo(then.at("/batches/0/state/dueOn").asText());
        assertThat(now.get("batches")).hasSize(2);
        assertThat(now.at("/batches/1/state/status").asText()).isEqualTo("REQUESTED");
        // the history crosses the same amendment and renewal, in order
        JsonNode agreementHistory = auditor.get("/api/audit/aggregates/agreement-sp-pit/history").json();
        assertThat(agreementHistory.findValuesAsText("type")).contains("AgreementAmended");
        JsonNode batchHistory = auditor.get("/api/audit/aggregates/b-pit/history?until=" + before).json();
        assertThat(batchHistory.findValuesAsText("type")).contains("BatchReceived").doesNotContain("BatchRenewed");
        assertThat(auditor.get("/api/audit/aggregates/b-pit/history").json().findValuesAsText("type"))
                .endsWith("BatchRenewed");

        JsonNode unmasked = Api.at(port).as("admin", "admin-demo").get("/api/audit/aggregates/sp-pit/state").json();
        assertThat(unmasked.at("/state/contact/name").asText()).isEqualTo("陈老师");
        assertThat(unmasked.at("/state/contact/phone/subjectId").asText()).isEqualTo("contact-sp-pit-2");
        assertThat(unmasked.toString()).doesNotContain("13900139123"); // the audit reveals nothing protected
        assertThat(auditor.get("/api/audit/aggregates/sp-pit/state?at=2020-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(Api.at(port).as("staff", "staff-demo").get("/api/audit/aggregates/sp-pit/state").status()).isEqualTo(403);
    }
}
