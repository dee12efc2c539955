package io.lendpoint.query.operations;

import io.lendpoint.query.Paging;
import io.lendpoint.api.operations.FeedbackDetailQuery;
import io.lendpoint.api.operations.FeedbackListQuery;
import io.lendpoint.api.operations.FeedbackPage;
import io.lendpoint.api.operations.FeedbackRecorded;
import io.lendpoint.api.operations.FeedbackResolved;
import io.lendpoint.api.operations.FeedbackView;
import io.lendpoint.api.operations.FollowUpTaken;
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

/** §6.3: projects feedback into {@code feedback}: per point, and the open problems. */
@Component
@ProcessingGroup(OperationsProcessing.GROUP)
class FeedbackProjection {

    private final MongoTemplate mongo;

    FeedbackProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(FeedbackRecorded event, DomainEventMessage<FeedbackRecorded> message) {
        IdempotentUpdates.create(mongo, FeedbackDocument.class, event.feedbackId(), message, () -> {
            FeedbackDocument feedback = new FeedbackDocument();
            feedback.id = event.feedbackId();
            feedback.servicePointId = event.servicePointId();
            feedback.channel = event.channel();
            feedback.receivedOn = event.receivedOn();
            feedback.satisfaction = event.satisfaction();
            feedback.problem = event.problem();
            feedback.comment = event.comment();
            feedback.respondent = event.respondent();
            feedback.status = event.problemRaised() ? "OPEN" : "NO_PROBLEM";
            return feedback;
        });
    }

    @EventHandler
    void on(FollowUpTaken event, DomainEventMessage<FollowUpTaken> message) {
        IdempotentUpdates.apply(mongo, FeedbackDocument.class, event.feedbackId(), message, feedback ->
                feedback.followUps.add(new FeedbackView.FollowUp(event.action(), event.takenOn(), event.takenBy())));
    }

    @EventHandler
    void on(FeedbackResolved event, DomainEventMessage<FeedbackResolved> message) {
        IdempotentUpdates.apply(mongo, FeedbackDocument.class, event.feedbackId(), message, feedback -> {
            feedback.status = "RESOLVED";
            feedback.resolution = event.resolution();
            feedback.resolvedOn = event.resolvedOn();
            feedback.daysToResolve = event.daysToResolve();
        });
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(FeedbackDocument.class);
    }

    @QueryHandler
    Optional<FeedbackView> handle(FeedbackDetailQuery query) {
        return Optional.ofNullable(mongo.findById(query.feedbackId(), FeedbackDocument.class))
                .map(FeedbackDocument::toView);
    }

    @QueryHandler
    FeedbackPage handle(FeedbackListQuery query) {
        Query filter = new Query();
        if (query.servicePointId() != null) {
            filter.addCriteria(Criteria.where("servicePointId").is(query.servicePointId()));
        }
        if (query.openOnly()) {
            filter.addCriteria(Criteria.where("status").is("OPEN"));
        }
        Sort.Direction direction = query.openOnly() ? Sort.Direction.ASC : Sort.Direction.DESC;
        Paging.Result<FeedbackView> found = Paging.find(mongo, filter, Sort.by(direction, "receivedOn")
                .and(Sort.by("_id")), query.page(), query.size(), FeedbackDocument.class, FeedbackDocument::toView);
        return new FeedbackPage(found.items(), found.total(), query.page(), query.size());
    }
}
