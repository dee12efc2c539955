package io.lendpoint.query.notification;

import io.lendpoint.api.notification.EmailDelivery;
import io.lendpoint.query.Paging;
import io.lendpoint.api.notification.EmailDeliveriesQuery;
import io.lendpoint.api.notification.EmailDeliveryPage;
import io.lendpoint.api.servicepoint.NotificationEmailSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * §5.4.1: each point's notice address ({@code notice_addresses}) and, for the point's staff, the log of e-mailed
 * notices. In the same processing group as {@link EmailNotifier}, so an address set before a notice is known when the
 * notice is sent, in the order of the event stream.
 */
@Component
@ProcessingGroup(NoticeAddresses.PROCESSING_GROUP)
class NoticeAddresses {

    static final String PROCESSING_GROUP = "email-notifications";

    private final MongoTemplate mongo;
    private final boolean mailConfigured;

    NoticeAddresses(MongoTemplate mongo, ObjectProvider<JavaMailSender> mail) {
        this.mongo = mongo;
        this.mailConfigured = mail.getIfAvailable() != null;
    }

    @EventHandler
    void on(NotificationEmailSet event, DomainEventMessage<NotificationEmailSet> message) {
        NoticeAddressDocument current = mongo.findById(event.servicePointId(), NoticeAddressDocument.class);
        if (current == null || current.lastSequence() < message.getSequenceNumber()) {
            mongo.save(new NoticeAddressDocument(event.servicePointId(), event.email(), message.getSequenceNumber()));
        }
    }

    /** Only the addresses: the delivery log is history, not a projection, and survives a replay. */
    @ResetHandler
    void onReset() {
        mongo.dropCollection(NoticeAddressDocument.class);
    }

    String addressOf(String servicePointId) {
        NoticeAddressDocument address = mongo.findById(servicePointId, NoticeAddressDocument.class);
        return address == null ? null : address.email();
    }

    @QueryHandler
    EmailDeliveryPage handle(EmailDeliveriesQuery query) {
        Query filter = Query.query(Criteria.where("servicePointId").is(query.servicePointId()));
        Paging.Result<EmailDelivery> found = Paging.find(mongo, filter, Sort.by(Sort.Direction.DESC, "createdAt")
                .and(Sort.by("_id")), query.page(), query.size(), EmailDeliveryDocument.class,
                EmailDeliveryDocument::toView);
        return new EmailDeliveryPage(addressOf(query.servicePointId()), mailConfigured, found.items(), found.total(),
                query.page(), query.size());
    }
}
