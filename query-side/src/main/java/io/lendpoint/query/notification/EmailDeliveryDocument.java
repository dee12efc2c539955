package io.lendpoint.query.notification;

import io.lendpoint.api.notification.EmailDelivery;
import io.lendpoint.api.notification.EmailStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One e-mailed notice in collection {@code email_deliveries}, keyed by the notice's id: inserting it is the claim
 * that makes the notice go out at most once, however often its event is delivered and by however many instances.
 * It is a delivery log, not a projection: a replay never drops or repeats it.
 */
@Document(EmailDeliveryDocument.COLLECTION)
class EmailDeliveryDocument {

    static final String COLLECTION = "email_deliveries";

    @Id
    String id;
    @Indexed
    String servicePointId;
    String batchId;
    String kind;
    String to;
    String subject;
    String body;
    EmailStatus status;
    int attempts;
    String lastError;
    Instant createdAt;
    Instant sentAt;

    EmailDelivery toView() {
        return new EmailDelivery(id, batchId, kind, to, subject, status, attempts, lastError, createdAt, sentAt);
    }
}
