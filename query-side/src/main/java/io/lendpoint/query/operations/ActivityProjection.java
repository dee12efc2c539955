package io.lendpoint.query.operations;

import io.lendpoint.query.Paging;
import io.lendpoint.api.operations.ActivityApproved;
import io.lendpoint.api.operations.ActivityCancelled;
import io.lendpoint.api.operations.ActivityDetailQuery;
import io.lendpoint.api.operations.ActivityHeld;
import io.lendpoint.api.operations.ActivityListQuery;
import io.lendpoint.api.operations.ActivityPage;
import io.lendpoint.api.operations.ActivityProposed;
import io.lendpoint.api.operations.ActivityView;
import io.lendpoint.query.IdempotentUpdates;
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

import java.util.Optional;

/** §6.4: projects cooperation activities into {@code activities}. */
@Component
@ProcessingGroup(OperationsProcessing.GROUP)
class ActivityProjection {

    private final MongoTemplate mongo;

    ActivityProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ActivityProposed event, DomainEventMessage<ActivityProposed> message) {
        IdempotentUpdates.create(mongo, ActivityDocument.class, event.activityId(), message, () -> {
            ActivityDocument activity = new ActivityDocument();
            activity.id = event.activityId();
            activity.servicePointId = event.servicePointId();
            activity.kind = event.kind();
            activity.title = event.title();
            activity.plannedOn = event.plannedOn();
            activity.description = event.description();
            activity.proposedBy = event.proposedBy();
            activity.status = "PROPOSED";
            return activity;
        });
    }

    @EventHandler
    void on(ActivityApproved event, DomainEventMessage<ActivityApproved> message) {
        IdempotentUpdates.apply(mongo, ActivityDocument.class, event.activityId(), message, activity -> {
            activity.status = "APPROVED";
            activity.resourcesPromised = event.resourcesPromised();
        });
    }

    @EventHandler
    void on(ActivityHeld event, DomainEventMessage<ActivityHeld> message) {
        IdempotentUpdates.apply(mongo, ActivityDocument.class, event.activityId(), message, activity -> {
            activity.status = "HELD";
            activity.heldOn = event.heldOn();
            activity.participants = event.participants();
            activity.resourcesProvided = event.resourcesProvided();
            activity.attachments = event.attachments();
        });
    }

    @EventHandler
    void on(ActivityCancelled event, DomainEventMessage<ActivityCancelled> message) {
        IdempotentUpdates.apply(mongo, ActivityDocument.class, event.activityId(), message, activity -> {
            activity.status = "CANCELLED";
            activity.cancelReason = event.reason();
        });
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(ActivityDocument.class);
    }

    @QueryHandler
    Optional<ActivityView> handle(ActivityDetailQuery query) {
        return Optional.ofNullable(mongo.findById(query.activityId(), ActivityDocument.class))
                .map(ActivityDocument::toView);
    }

    @QueryHandler
    ActivityPage handle(ActivityListQuery query) {
        Query filter = new Query();
        if (query.servicePointId() != null) {
            filter.addCriteria(Criteria.where("servicePointId").is(query.servicePointId()));
        }
        if (query.status() != null) {
            filter.addCriteria(Criteria.where("status").is(query.status()));
        }
        Paging.Result<ActivityView> found = Paging.find(mongo, filter, Sort.by(Sort.Direction.DESC, "plannedOn")
                .and(Sort.by("_id")), query.page(), query.size(), ActivityDocument.class, ActivityDocument::toView);
        return new ActivityPage(found.items(), found.total(), query.page(), query.size());
    }
}
