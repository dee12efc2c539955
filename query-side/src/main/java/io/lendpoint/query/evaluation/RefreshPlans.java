package io.lendpoint.query.evaluation;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.operations.RefreshCarriedOut;
import io.lendpoint.api.operations.RefreshDue;
import io.lendpoint.api.operations.RefreshMissed;
import io.lendpoint.api.operations.RefreshPlanView;
import io.lendpoint.api.operations.RefreshPlansQuery;
import io.lendpoint.api.operations.RefreshScheduleSet;
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

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** §6.2: projects refresh plans into {@code refresh_plans}: what is due, what was missed. */
@Component
@ProcessingGroup(ImprovementProjection.PROCESSING_GROUP)
class RefreshPlans {

    private final MongoTemplate mongo;

    RefreshPlans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(RefreshScheduleSet event, DomainEventMessage<RefreshScheduleSet> message) {
        change(event.servicePointId(), message, plan -> {
            plan.everyMonths = event.everyMonths();
            plan.nextDueOn = event.nextDueOn();
            plan.graceDays = event.graceDays();
            plan.due = false;
            plan.missed = false;
        });
    }

    @EventHandler
    void on(RefreshDue event, DomainEventMessage<RefreshDue> message) {
        change(event.servicePointId(), message, plan -> plan.due = true);
    }

    @EventHandler
    void on(RefreshMissed event, DomainEventMessage<RefreshMissed> message) {
        change(event.servicePointId(), message, plan -> plan.missed = true);
    }

    @EventHandler
    void on(RefreshCarriedOut event, DomainEventMessage<RefreshCarriedOut> message) {
        change(event.servicePointId(), message, plan -> {
            plan.nextDueOn = event.nextDueOn();
            plan.due = false;
            plan.missed = false;
            plan.lastCarriedOutOn = event.carriedOutOn();
            plan.lastOnTime = event.onTime();
        });
    }

    /** Created by its first event; an event applies once (the plan's sequence). */
    private void change(String point, DomainEventMessage<?> message, Consumer<RefreshPlanDocument> change) {
        RefreshPlanDocument plan = mongo.findById(point, RefreshPlanDocument.class);
        if (plan == null) {
            plan = new RefreshPlanDocument();
            plan.servicePointId = point;
        }
        if (message.getSequenceNumber() <= plan.lastSequence) {
            return;
        }
        change.accept(plan);
        plan.lastSequence = message.getSequenceNumber();
        mongo.save(plan);
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(RefreshPlanDocument.class);
    }

    @QueryHandler
    List<RefreshPlanView> handle(RefreshPlansQuery query) {
        Query filter = new Query();
        if (query.servicePointId() != null) {
            filter.addCriteria(Criteria.where("_id").is(query.servicePointId()));
        }
        if (query.withinDays() != null) {
            filter.addCriteria(Criteria.where("nextDueOn").lte(LibraryTime.today(Clock.systemUTC())
                    .plusDays(query.withinDays())));
        }
        return mongo.find(filter.with(Sort.by("nextDueOn").and(Sort.by("_id"))), RefreshPlanDocument.class).stream()
                .map(RefreshPlanDocument::toView).toList();
    }
}
