package io.lendpoint.query.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lendpoint.api.loanbatch.BatchOverdue;
import io.lendpoint.api.loanbatch.DueReminderIssued;
import io.lendpoint.api.notification.EmailDeliveriesQuery;
import io.lendpoint.api.notification.EmailDelivery;
import io.lendpoint.api.notification.EmailDeliveryPage;
import io.lendpoint.api.notification.EmailStatus;
import io.lendpoint.api.servicepoint.NotificationEmailSet;
import io.lendpoint.query.InMemoryMongo;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EmailNotifierTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final LocalDate DUE = LocalDate.of(2027, 11, 30);
    private static final DueReminderIssued REMINDER = new DueReminderIssued("batch-1", "sp-1", DUE, 7, 1200);

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private JavaMailSenderImpl sender;
    private NoticeAddresses addresses;
    private EmailNotifier notifier;
    private long addressSequence;

    @BeforeEach
    void start() {
        MongoTemplate mongo = store.template("notification-test");
        mongo.insert(new org.bson.Document("_id", "sp-1").append("name", "南海实验小学"), "service_points");
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        addresses = new NoticeAddresses(mongo,
                new StaticListableBeanFactory(java.util.Map.of("mail", sender)).getBeanProvider(JavaMailSender.class));
        notifier = new EmailNotifier(mongo, addresses, sender, "library@fslib.example", 2);
    }

    private void address(String email) {
        NotificationEmailSet event = new NotificationEmailSet("sp-1", null, email);
        addresses.on(event, new GenericDomainEventMessage<>("ServicePoint", "sp-1", addressSequence++, event));
    }

    private void remind(DueReminderIssued event) {
        notifier.on(event, GenericEventMessage.asEventMessage(event));
    }

    @Test
    @DisplayName("§5.4.1 a due reminder is e-mailed to the point's notice address once, however often it is delivered")
    void mailedOnce() throws Exception {
        address("library@school.example");
        remind(REMINDER);
        remind(REMINDER);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("library@school.example");
        assertThat(received[0].getSubject()).contains("batch-1", "2027-11-30", "7 天");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("南海实验小学", "1200 册", "1200 item(s)");

        BatchOverdue overdue = new BatchOverdue("batch-1", "sp-1", DUE, 30);
        notifier.on(overdue, GenericEventMessage.asEventMessage(overdue));
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        EmailDeliveryPage log = addresses.handle(new EmailDeliveriesQuery("sp-1", 0, 10));
        assertThat(log.address()).isEqualTo("library@school.example");
        assertThat(log.mailConfigured()).isTrue();
        assertThat(log.items()).extracting(EmailDelivery::status).containsOnly(EmailStatus.SENT);
        assertThat(log.total()).isEqualTo(2);
    }

    @Test
    @DisplayName("§5.4.1 without a notice address, or after it is removed, nothing is e-mailed (the inbox has the notice)")
    void noAddress() {
        remind(REMINDER);
        address("library@school.example");
        address(null);
        remind(new DueReminderIssued("batch-1", "sp-1", DUE, 1, 1200));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(addresses.handle(new EmailDeliveriesQuery("sp-1", 0, 10)).total()).isZero();
    }

    @Test
    @DisplayName("§5.4.1 a notice the SMTP server refused is retried until it goes out, once; then it gives up")
    void retriedWhenRefused() throws Exception {
        address("library@school.example");
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        sender.setPort(closedPort);
        remind(REMINDER);
        EmailDelivery failed = addresses.handle(new EmailDeliveriesQuery("sp-1", 0, 10)).items().get(0);
        assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();

        sender.setPort(smtp.getSmtp().getPort());
        notifier.retryFailed();
        notifier.retryFailed();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        EmailDelivery sent = addresses.handle(new EmailDeliveriesQuery("sp-1", 0, 10)).items().get(0);
        assertThat(sent.status()).isEqualTo(EmailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);

        sender.setPort(closedPort);
        remind(new DueReminderIssued("batch-1", "sp-1", DUE, 1, 1200));
        notifier.retryFailed(); // second and last attempt (at most 2 here)
        notifier.retryFailed();
        EmailDelivery gaveUp = addresses.handle(new EmailDeliveriesQuery("sp-1", 0, 10)).items().stream()
                .filter(delivery -> delivery.id().endsWith("due-in-1")).findFirst().orElseThrow();
        assertThat(gaveUp.status()).isEqualTo(EmailStatus.GAVE_UP);
        assertThat(gaveUp.attempts()).isEqualTo(2);
    }
}
