package io.lendpoint.query.notification;

import io.lendpoint.api.loanbatch.BatchOverdue;
import io.lendpoint.api.loanbatch.DueReminderIssued;
import io.lendpoint.api.loanbatch.InboxMessage;
import io.lendpoint.api.notification.EmailStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * §5.4.1: the notification port's e-mail channel, on when an SMTP server is configured ({@code spring.mail.host}).
 * Each notice goes to the point's notice address at most once: the delivery record, keyed by the notice's id, is
 * claimed before sending, so a redelivered event, a replay (the handlers do not run then) or a second instance sends
 * nothing more. A hand-over the SMTP server refused is retried ({@code lendpoint.notifications.mail-retry-delay},
 * up to {@code lendpoint.notifications.mail-attempts} attempts); one interrupted by a crash is not, since it may
 * have gone out. The in-app inbox gets every notice regardless.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableScheduling
@ProcessingGroup(NoticeAddresses.PROCESSING_GROUP)
class EmailNotifier {

    private static final Logger log = LoggerFactory.getLogger(EmailNotifier.class);

    private final MongoTemplate mongo;
    private final NoticeAddresses addresses;
    private final JavaMailSender mail;
    private final String from;
    private final int maxAttempts;

    EmailNotifier(MongoTemplate mongo, NoticeAddresses addresses, JavaMailSender mail,
                  @Value("${lendpoint.notifications.mail-from:noreply@lendpoint.local}") String from,
                  @Value("${lendpoint.notifications.mail-attempts:5}") int maxAttempts) {
        this.mongo = mongo;
        this.addresses = addresses;
        this.mail = mail;
        this.from = from;
        this.maxAttempts = maxAttempts;
    }

    @EventHandler
    @DisallowReplay
    void on(DueReminderIssued event, EventMessage<DueReminderIssued> message) {
        send(Notices.of(event, message.getTimestamp()));
    }

    @EventHandler
    @DisallowReplay
    void on(BatchOverdue event, EventMessage<BatchOverdue> message) {
        send(Notices.of(event, message.getTimestamp()));
    }

    private void send(InboxMessage notice) {
        String to = addresses.addressOf(notice.servicePointId());
        if (to == null) {
            return; // the point has no notice address: the in-app inbox is its channel
        }
        Document point = mongo.findById(notice.servicePointId(), Document.class, "service_points");
        NoticeMail text = NoticeMail.of(notice, point == null ? notice.servicePointId() : point.getString("name"));
        EmailDeliveryDocument delivery = new EmailDeliveryDocument();
        delivery.id = notice.id();
        delivery.servicePointId = notice.servicePointId();
        delivery.batchId = notice.batchId();
        delivery.kind = notice.kind();
        delivery.to = to;
        delivery.subject = text.subject();
        delivery.body = text.body();
        delivery.status = EmailStatus.SENDING;
        delivery.createdAt = Instant.now();
        try {
            mongo.insert(delivery);
        } catch (DuplicateKeyException alreadyClaimed) {
            return; // this notice was e-mailed (or is being) already
        }
        attempt(delivery);
    }

    /** Tries the deliveries the SMTP server refused before, each claimed so only one instance retries it. */
    @Scheduled(fixedDelayString = "${lendpoint.notifications.mail-retry-delay:PT5M}",
            initialDelayString = "${lendpoint.notifications.mail-retry-delay:PT5M}")
    void retryFailed() {
        List<EmailDeliveryDocument> failed = mongo.find(Query.query(Criteria.where("status").is(EmailStatus.FAILED)),
                EmailDeliveryDocument.class);
        for (EmailDeliveryDocument candidate : failed) {
            EmailDeliveryDocument claimed = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(candidate.id).and("status").is(EmailStatus.FAILED)
                            .and("attempts").is(candidate.attempts)),
                    new Update().set("status", EmailStatus.SENDING), FindAndModifyOptions.options().returnNew(true),
                    EmailDeliveryDocument.class);
            if (claimed != null) {
                attempt(claimed);
            }
        }
    }

    private void attempt(EmailDeliveryDocument delivery) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(delivery.to);
        message.setSubject(delivery.subject);
        message.setText(delivery.body);
        Update outcome = new Update().inc("attempts", 1);
        try {
            mail.send(message);
            outcome.set("status", EmailStatus.SENT).set("sentAt", Instant.now()).unset("lastError");
        } catch (MailException refused) {
            boolean last = delivery.attempts + 1 >= maxAttempts;
            log.warn("E-mail notice {} to {} refused (attempt {} of {}): {}", delivery.id, delivery.to,
                    delivery.attempts + 1, maxAttempts, refused.getMessage());
            outcome.set("status", last ? EmailStatus.GAVE_UP : EmailStatus.FAILED)
                    .set("lastError", String.valueOf(refused.getMessage()));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id)), outcome, EmailDeliveryDocument.class);
    }
}
