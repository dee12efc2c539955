package io.lendpoint.query.operations;

import io.lendpoint.query.Paging;
import io.lendpoint.api.operations.TrainingCancelled;
import io.lendpoint.api.operations.TrainingDetailQuery;
import io.lendpoint.api.operations.TrainingHeld;
import io.lendpoint.api.operations.TrainingListQuery;
import io.lendpoint.api.operations.TrainingPage;
import io.lendpoint.api.operations.TrainingScheduled;
import io.lendpoint.api.operations.TrainingView;
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

/** §6.1, A.1.4: projects training sessions into {@code trainings}. */
@Component
@ProcessingGroup(OperationsProcessing.GROUP)
class TrainingProjection {

    private final MongoTemplate mongo;

    TrainingProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(TrainingScheduled event, DomainEventMessage<TrainingScheduled> message) {
        IdempotentUpdates.create(mongo, TrainingDocument.class, event.trainingId(), message, () -> {
            TrainingDocument training = new TrainingDocument();
            training.id = event.trainingId();
            training.topic = event.topic();
            training.kind = event.kind();
            training.status = "SCHEDULED";
            training.plannedOn = event.plannedOn();
            training.trainer = event.trainer();
            training.servicePointIds = event.servicePointIds();
            training.materials = event.materials();
            return training;
        });
    }

    @EventHandler
    void on(TrainingHeld event, DomainEventMessage<TrainingHeld> message) {
        IdempotentUpdates.apply(mongo, TrainingDocument.class, event.trainingId(), message, training -> {
            training.status = "HELD";
            training.heldOn = event.heldOn();
            training.attendees = event.attendees();
            if (event.materials() != null) {
                training.materials = event.materials();
            }
        });
    }

    @EventHandler
    void on(TrainingCancelled event, DomainEventMessage<TrainingCancelled> message) {
        IdempotentUpdates.apply(mongo, TrainingDocument.class, event.trainingId(), message, training -> {
            training.status = "CANCELLED";
            training.cancelReason = event.reason();
        });
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(TrainingDocument.class);
    }

    @QueryHandler
    Optional<TrainingView> handle(TrainingDetailQuery query) {
        return Optional.ofNullable(mongo.findById(query.trainingId(), TrainingDocument.class))
                .map(TrainingDocument::toView);
    }

    @QueryHandler
    TrainingPage handle(TrainingListQuery query) {
        Query filter = new Query();
        if (query.servicePointId() != null) {
            filter.addCriteria(Criteria.where("servicePointIds").is(query.servicePointId()));
        }
        Paging.Result<TrainingView> found = Paging.find(mongo, filter, Sort.by(Sort.Direction.DESC, "plannedOn")
                .and(Sort.by("_id")), query.page(), query.size(), TrainingDocument.class, TrainingDocument::toView);
        return new TrainingPage(found.items(), found.total(), query.page(), query.size());
    }
}
