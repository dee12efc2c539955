package io.lendpoint.query.notification;

import io.lendpoint.query.Paging;
import io.lendpoint.api.loanbatch.BatchOverdue;
import io.lendpoint.api.loanbatch.DueReminderIssued;
import io.lendpoint.api.loanbatch.InboxMessage;
import io.lendpoint.api.loanbatch.InboxPage;
import io.lendpoint.api.loanbatch.PointInboxQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * §5.4.1: the notification port's in-app channel, always on — every point has an inbox (collection
 * {@code point_inbox}). Keyed by the notice's id, so a redelivered or replayed event never delivers it twice.
 * {@link EmailNotifier} is the other channel.
 */
@Component
@ProcessingGroup("point-inbox")
class PointInbox {

    static final String COLLECTION = "point_inbox";

    private final MongoTemplate mongo;

    PointInbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(DueReminderIssued event, DomainEventMessage<DueReminderIssued> message) {
        deliver(Notices.of(event, message.getTimestamp()));
    }

    @EventHandler
    void on(BatchOverdue event, DomainEventMessage<BatchOverdue> message) {
        deliver(Notices.of(event, message.getTimestamp()));
    }

    private void deliver(InboxMessage notice) {
        if (mongo.findById(notice.id(), InboxMessage.class, COLLECTION) == null) {
            mongo.insert(notice, COLLECTION);
        }
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(COLLECTION);
    }

    @QueryHandler
    InboxPage handle(PointInboxQuery query) {
        Query filter = Query.query(Criteria.where("servicePointId").is(query.servicePointId()));
        Paging.Result<InboxMessage> found = Paging.find(mongo, filter, Sort.by(Sort.Direction.DESC, "createdAt"),
                query.page(), query.size(), InboxMessage.class, COLLECTION, message -> message);
        return new InboxPage(found.items(), found.total(), query.page(), query.size());
    }
}
