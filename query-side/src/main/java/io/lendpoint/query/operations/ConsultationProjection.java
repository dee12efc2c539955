package io.lendpoint.query.operations;

import io.lendpoint.query.Paging;
import io.lendpoint.api.operations.ConsultationDetailQuery;
import io.lendpoint.api.operations.ConsultationListQuery;
import io.lendpoint.api.operations.ConsultationOverdue;
import io.lendpoint.api.operations.ConsultationPage;
import io.lendpoint.api.operations.ConsultationView;
import io.lendpoint.api.operations.QuestionAnswered;
import io.lendpoint.api.operations.QuestionAsked;
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

/** §6.1: projects consultations into {@code consultations}: per point, open and overdue lists. */
@Component
@ProcessingGroup(OperationsProcessing.GROUP)
class ConsultationProjection {

    private final MongoTemplate mongo;

    ConsultationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(QuestionAsked event, DomainEventMessage<QuestionAsked> message) {
        IdempotentUpdates.create(mongo, ConsultationDocument.class, event.consultationId(), message, () -> {
            ConsultationDocument consultation = new ConsultationDocument();
            consultation.id = event.consultationId();
            consultation.servicePointId = event.servicePointId();
            consultation.channel = event.channel();
            consultation.question = event.question();
            consultation.askedBy = event.askedBy();
            consultation.askedAt = event.askedAt();
            consultation.answerDueBy = event.answerDueBy();
            return consultation;
        });
    }

    @EventHandler
    void on(QuestionAnswered event, DomainEventMessage<QuestionAnswered> message) {
        IdempotentUpdates.apply(mongo, ConsultationDocument.class, event.consultationId(), message, consultation -> {
            consultation.answer = event.answer();
            consultation.answeredBy = event.answeredBy();
            consultation.answeredAt = event.answeredAt();
            consultation.responseMinutes = event.responseMinutes();
            consultation.withinServiceLevel = event.withinServiceLevel();
            consultation.answered = true;
        });
    }

    @EventHandler
    void on(ConsultationOverdue event, DomainEventMessage<ConsultationOverdue> message) {
        IdempotentUpdates.apply(mongo, ConsultationDocument.class, event.consultationId(), message,
                consultation -> consultation.overdue = true);
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(ConsultationDocument.class);
    }

    @QueryHandler
    Optional<ConsultationView> handle(ConsultationDetailQuery query) {
        return Optional.ofNullable(mongo.findById(query.consultationId(), ConsultationDocument.class))
                .map(ConsultationDocument::toView);
    }

    /** Open ones oldest first (the next to answer on top); all others newest first. */
    @QueryHandler
    ConsultationPage handle(ConsultationListQuery query) {
        Query filter = new Query();
        if (query.servicePointId() != null) {
            filter.addCriteria(Criteria.where("servicePointId").is(query.servicePointId()));
        }
        if (query.openOnly() || query.overdueOnly()) {
            filter.addCriteria(Criteria.where("answered").is(false));
        }
        if (query.overdueOnly()) {
            filter.addCriteria(Criteria.where("overdue").is(true));
        }
        Sort.Direction direction = query.openOnly() || query.overdueOnly() ? Sort.Direction.ASC : Sort.Direction.DESC;
        Paging.Result<ConsultationView> found = Paging.find(mongo, filter, Sort.by(direction, "askedAt")
                .and(Sort.by("_id")), query.page(), query.size(), ConsultationDocument.class, ConsultationDocument::toView);
        return new ConsultationPage(found.items(), found.total(), query.page(), query.size());
    }
}
