package io.lendpoint.query.loanbatch;

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
 * §5.4.1: the notification port's in-app channel — every point has an inbox (collection {@code point_inbox}).
 * A notice's id is derived from what it is about (batch, due date, lead time), so a redelivered or replayed event
 * never delivers it twice. (E-mail through Spring Mail is not built yet.)
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
        deliver(new InboxMessage(event.batchId() + ":" + event.dueOn() + ":due-in-" + event.daysBefore(),
                event.servicePointId(), event.batchId(), "due-reminder", event.dueOn(), event.daysBefore(),
                event.itemsOut(), message.getTimestamp()));
    }

    @EventHandler
    void on(BatchOverdue event, DomainEventMessage<BatchOverdue> message) {
        deliver(new InboxMessage(event.batchId() + ":" + event.dueOn() + ":overdue", event.servicePointId(),
                event.batchId(), "overdue", event.dueOn(), null, event.itemsOut(), message.getTimestamp()));
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
        long total = mongo.count(filter, COLLECTION);
        filter.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) query.page() * query.size())
                .limit(query.size());
        return new InboxPage(mongo.find(filter, InboxMessage.class, COLLECTION), total, query.page(), query.size());
    }
}
