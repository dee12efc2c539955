package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.ImprovementView;
import io.lendpoint.query.Paging;
import io.lendpoint.api.evaluation.ImprovementCompleted;
import io.lendpoint.api.evaluation.ImprovementDropped;
import io.lendpoint.api.evaluation.ImprovementListQuery;
import io.lendpoint.api.evaluation.ImprovementOverdue;
import io.lendpoint.api.evaluation.ImprovementPage;
import io.lendpoint.api.evaluation.ImprovementPlanned;
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

/** §7.2: projects improvement actions into {@code improvements}: per point, open and overdue ones. */
@Component
@ProcessingGroup(ImprovementProjection.PROCESSING_GROUP)
class ImprovementProjection {

    /**
     * Improvement plans (§7.2) and refresh plans (§6.2, {@link RefreshPlans}) share one processing group: each group
     * reads the whole event stream through a processor of its own, and these two handle few events.
     */
    static final String PROCESSING_GROUP = "plans";

    private final MongoTemplate mongo;

    ImprovementProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ImprovementPlanned event, DomainEventMessage<ImprovementPlanned> message) {
        IdempotentUpdates.create(mongo, ImprovementDocument.class, event.actionId(), message, () -> {
            ImprovementDocument action = new ImprovementDocument();
            action.id = event.actionId();
            action.servicePointId = event.servicePointId();
            action.periodFrom = event.periodFrom();
            action.periodTo = event.periodTo();
            action.metricCode = event.metricCode();
            action.finding = event.finding();
            action.action = event.action();
            action.owner = event.owner();
            action.dueOn = event.dueOn();
            action.status = "OPEN";
            return action;
        });
    }

    @EventHandler
    void on(ImprovementCompleted event, DomainEventMessage<ImprovementCompleted> message) {
        IdempotentUpdates.apply(mongo, ImprovementDocument.class, event.actionId(), message, action -> {
            action.status = "COMPLETED";
            action.outcome = event.outcome();
            action.completedOn = event.completedOn();
            action.late = event.late();
        });
    }

    @EventHandler
    void on(ImprovementDropped event, DomainEventMessage<ImprovementDropped> message) {
        IdempotentUpdates.apply(mongo, ImprovementDocument.class, event.actionId(), message, action -> {
            action.status = "DROPPED";
            action.dropReason = event.reason();
        });
    }

    @EventHandler
    void on(ImprovementOverdue event, DomainEventMessage<ImprovementOverdue> message) {
        IdempotentUpdates.apply(mongo, ImprovementDocument.class, event.actionId(), message,
                action -> action.overdue = true);
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(ImprovementDocument.class);
    }

    @QueryHandler
    ImprovementPage handle(ImprovementListQuery query) {
        Query filter = new Query();
        if (query.servicePointId() != null) {
            filter.addCriteria(Criteria.where("servicePointId").is(query.servicePointId()));
        }
        if (query.openOnly() || query.overdueOnly()) {
            filter.addCriteria(Criteria.where("status").is("OPEN"));
        }
        if (query.overdueOnly()) {
            filter.addCriteria(Criteria.where("overdue").is(true));
        }
        Paging.Result<ImprovementView> found = Paging.find(mongo, filter, Sort.by("dueOn").and(Sort.by("_id")),
                query.page(), query.size(), ImprovementDocument.class, ImprovementDocument::toView);
        return new ImprovementPage(found.items(), found.total(), query.page(), query.size());
    }
}
