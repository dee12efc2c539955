package io.lendpoint.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.lendpoint.api.loanbatch.DueReminderIssued;
import io.lendpoint.api.servicepoint.SetNotificationEmail;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * §5.4.1 the e-mail channel wired in the standalone backend: with {@code spring.mail.host} set, a notice reaches the
 * point's notice address through the event stream, once, and shows in the point's e-mail log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailNoticeTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void standaloneWithMail(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-mail-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventGateway events;

    @Test
    @DisplayName("§5.4.1 a due reminder is e-mailed to the point's notice address once, and logged")
    void reminderMailed() throws Exception {
        LivePoints.activated(commands, "sp-mail");
        commands.sendAndWait(new SetNotificationEmail("sp-mail", "library@school.example"));
        // the reminder as the batch's deadline publishes it, minus the batch (deadlines: LoanBatchTest; the inbox
        // reads only the batch's own domain events: LoanBatchRequestHttpTest)
        DueReminderIssued reminder = new DueReminderIssued("batch-m", "sp-mail", LocalDate.of(2027, 12, 1), 7, 42);
        events.publish(reminder);
        events.publish(reminder);

        Api staff = Api.at(port).as("staff", "staff-demo");
        JsonNode log = Eventually.await(Duration.ofSeconds(30),
                () -> staff.get("/api/service-points/sp-mail/email-deliveries").json(),
                page -> page.path("items").size() == 1 && page.path("items").get(0).path("status").asText().equals("SENT"));
        assertThat(log.get("mailConfigured").asBoolean()).isTrue();
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        Thread.sleep(1_000); // the second delivery of the same notice has been processed by now, and sent nothing
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("library@school.example");
        assertThat(received[0].getSubject()).contains("batch-m", "2027-12-01");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
