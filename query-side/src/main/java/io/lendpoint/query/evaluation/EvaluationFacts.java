package io.lendpoint.query.evaluation;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.loanbatch.BatchAccepted;
import io.lendpoint.api.loanbatch.BatchDeclined;
import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.BatchRequested;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.BatchRenewed;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.DiscrepancyKind;
import io.lendpoint.api.loanbatch.DueDateSet;
import io.lendpoint.api.loanbatch.InspectionOutcome;
import io.lendpoint.api.loanbatch.ItemInspected;
import io.lendpoint.api.loanbatch.ItemLent;
import io.lendpoint.api.loanbatch.ItemRenewed;
import io.lendpoint.api.loanbatch.ItemsReturned;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyRecorded;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyResolved;
import io.lendpoint.api.loanbatch.Resolution;
import io.lendpoint.api.operations.ActivityHeld;
import io.lendpoint.api.operations.FeedbackRecorded;
import io.lendpoint.api.operations.QuestionAnswered;
import io.lendpoint.api.operations.QuestionnaireAnswered;
import io.lendpoint.api.operations.RefreshCarriedOut;
import io.lendpoint.api.operations.RefreshMissed;
import io.lendpoint.api.servicepoint.OnSiteReadingRecorded;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * §7.1: the raw facts the evaluation counts, kept apart from the dashboards' projections so a period can be
 * recomputed from them at any time and a replay rebuilds exactly them. Every write is idempotent: a fact is stored
 * under its event's id in its point's {@link EvaluationDay}, a batch's deposit ({@link DepositBatch}) changes once
 * per event of the batch. Every write and every point's read is by key (issue 8).
 */
@Component
@ProcessingGroup(EvaluationFacts.PROCESSING_GROUP)
class EvaluationFacts {

    static final String PROCESSING_GROUP = "evaluation-facts";
    /** Where this projection kept its facts and deposit items before issue 8: dropped when it is rebuilt. */
    static final List<String> LEGACY_COLLECTIONS = List.of("evaluation_facts", "deposit_items");

    private final MongoTemplate mongo;

    EvaluationFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ServicePointApplied event) {
        mongo.save(new EvaluatedPoint(event.servicePointId(), event.institution().name(),
                event.institution().address().district(), event.plan().expectedReaders()));
        KeptCounts.pointsChanged(mongo);
    }

    /** A rejected point is not evaluated. */
    @EventHandler
    void on(ServicePointRejected event) {
        mongo.remove(Query.query(Criteria.where("_id").is(event.servicePointId())), EvaluatedPoint.class);
        KeptCounts.pointsChanged(mongo);
    }

    @EventHandler
    void on(BatchShipped event, DomainEventMessage<BatchShipped> message) {
        PointDeposits.add(mongo, event.servicePointId(), event.batchId());
        DepositBatch.change(mongo, event.batchId(), event.servicePointId(), message, true, items -> {
            Set<String> there = new HashSet<>();
            items.forEach(item -> there.add(item.barcode));
            event.items().forEach(shipped -> {
                if (there.add(shipped.barcode())) {
                    DepositItem deposit = new DepositItem();
                    deposit.servicePointId = event.servicePointId();
                    deposit.batchId = event.batchId();
                    deposit.barcode = shipped.barcode();
                    deposit.title = shipped.title();
                    deposit.category = shipped.category();
                    items.add(deposit);
                }
            });
        });
        KeptCounts.depositChanged(mongo, event.servicePointId());
    }

    /** On deposit from the day of receipt, except what the receipt found missing (recorded right after). */
    @EventHandler
    void on(BatchReceived event, DomainEventMessage<BatchReceived> message) {
        deposit(event.batchId(), event.servicePointId(), message, item -> item.from == null,
                item -> item.from = event.receivedOn());
    }

    @EventHandler
    void on(ReceiptDiscrepancyRecorded event, DomainEventMessage<ReceiptDiscrepancyRecorded> message) {
        if (event.kind() == DiscrepancyKind.MISSING) {
            deposit(event.batchId(), event.servicePointId(), message, item -> item.barcode.equals(event.barcode()),
                    item -> item.from = null);
        }
    }

    /** A missing item found at the point is on deposit from the day it was found. */
    @EventHandler
    void on(ReceiptDiscrepancyResolved event, DomainEventMessage<ReceiptDiscrepancyResolved> message) {
        if (event.kind() == DiscrepancyKind.MISSING && event.resolution() == Resolution.FOUND) {
            deposit(event.batchId(), event.servicePointId(), message, item -> item.barcode.equals(event.barcode()),
                    item -> item.from = dayOf(message));
        } else if (event.resolution() == Resolution.WRITTEN_OFF) {
            DepositBatch.change(mongo, event.batchId(), event.servicePointId(), message, false,
                    items -> items.removeIf(item -> item.barcode.equals(event.barcode())));
            KeptCounts.depositChanged(mongo, event.servicePointId());
        }
    }

    private void deposit(String batchId, String servicePointId, DomainEventMessage<?> message,
                         Predicate<DepositItem> which, Consumer<DepositItem> change) {
        DepositBatch.change(mongo, batchId, null, message, false,
                items -> items.stream().filter(which).forEach(change));
        KeptCounts.depositChanged(mongo, servicePointId);
    }

    /** §5.1: what the point asked for, to know later what it did not get. */
    @EventHandler
    void on(BatchRequested event) {
        mongo.save(new BatchRequest(event.batchId(), event.wanted()));
    }

    /** Unmet demand: per class, asked for and not accepted. */
    @EventHandler
    void on(BatchAccepted event, EventMessage<BatchAccepted> message) {
        demand(event.batchId(), event.servicePointId(), event.accepted(), message);
    }

    @EventHandler
    void on(BatchDeclined event, EventMessage<BatchDeclined> message) {
        demand(event.batchId(), event.servicePointId(), List.of(), message);
    }

    private void demand(String batchId, String point, List<CategoryQuantity> accepted, EventMessage<?> message) {
        BatchRequest request = mongo.findById(batchId, BatchRequest.class);
        if (request == null) {
            return;
        }
        for (CategoryQuantity wanted : request.wanted()) {
            int got = accepted.stream().filter(line -> line.category().equals(wanted.category()))
                    .mapToInt(CategoryQuantity::quantity).sum();
            if (wanted.quantity() > got) {
                EvaluationDay.store(mongo, new Fact(message.getIdentifier() + "/" + wanted.category(),
                        FactKind.DEMAND, point, dayOf(message), wanted.quantity() - got, 0, 0, null,
                        wanted.category(), null));
            }
        }
    }

    /** §6.2: one fact per refresh due, whatever happened to it last (carried out on time, late, or missed). */
    @EventHandler
    void on(RefreshCarriedOut event) {
        refresh(event.servicePointId(), event.dueOn(), event.onTime());
    }

    @EventHandler
    void on(RefreshMissed event) {
        if (EvaluationDay.find(mongo, event.servicePointId(), event.dueOn(),
                refreshId(event.servicePointId(), event.dueOn())) == null) {
            refresh(event.servicePointId(), event.dueOn(), false);
        }
    }

    private void refresh(String point, LocalDate dueOn, boolean onTime) {
        EvaluationDay.store(mongo, new Fact(refreshId(point, dueOn), FactKind.REFRESH, point, dueOn, 1,
                onTime ? 1 : 0, 0, null, null, null));
    }

    private static String refreshId(String point, LocalDate dueOn) {
        return "refresh/" + point + "/" + dueOn;
    }

    @EventHandler
    void on(DueDateSet event) {
        mongo.save(new BatchDueDate(event.batchId(), event.dueOn()));
    }

    @EventHandler
    void on(BatchRenewed event) {
        mongo.save(new BatchDueDate(event.batchId(), event.dueOn()));
    }

    @EventHandler
    void on(ItemLent event, EventMessage<ItemLent> message) {
        EvaluationDay.store(mongo, new Fact(message.getIdentifier(), FactKind.LOAN, event.servicePointId(),
                event.lentOn(), 1, 1, 0, event.readerNumber(), null,
                DepositItem.keyOf(event.batchId(), event.barcode())));
    }

    @EventHandler
    void on(ItemRenewed event, EventMessage<ItemRenewed> message) {
        fact(message, FactKind.RENEWAL, event.servicePointId(), event.renewedOn(), 1, 1, 0, event.readerNumber());
    }

    @EventHandler
    void on(OnSiteReadingRecorded event, EventMessage<OnSiteReadingRecorded> message) {
        fact(message, FactKind.ON_SITE_READING, event.servicePointId(), event.day(), event.sessions(), 0,
                event.readers(), null);
    }

    @EventHandler
    void on(ItemsReturned event, DomainEventMessage<ItemsReturned> message) {
        BatchDueDate due = mongo.findById(event.batchId(), BatchDueDate.class);
        boolean onTime = due == null || !event.returnedOn().isAfter(due.dueOn());
        fact(message, FactKind.RETURN, event.servicePointId(), event.returnedOn(), event.barcodes().size(),
                onTime ? event.barcodes().size() : 0, 0, null);
        Set<String> back = Set.copyOf(event.barcodes());
        deposit(event.batchId(), event.servicePointId(), message, item -> back.contains(item.barcode),
                item -> item.to = event.returnedOn());
    }

    @EventHandler
    void on(ItemInspected event, DomainEventMessage<ItemInspected> message) {
        LocalDate day = dayOf(message);
        int verdict = switch (event.outcome()) {
            case INTACT -> 0;
            case DAMAGED -> 1;
            case LOST -> 2;
        };
        fact(message, FactKind.INSPECTION, event.servicePointId(), day, 1, verdict == 0 ? 1 : 0, verdict, null);
        if (event.outcome() == InspectionOutcome.LOST) {
            deposit(event.batchId(), event.servicePointId(), message,
                    item -> item.barcode.equals(event.barcode()) && item.to == null, item -> item.to = day);
        }
    }

    @EventHandler
    void on(FeedbackRecorded event, EventMessage<FeedbackRecorded> message) {
        if (event.satisfaction() != null) {
            fact(message, FactKind.SATISFACTION, event.servicePointId(), event.receivedOn(), 1,
                    event.satisfaction() >= 4 ? 1 : 0, event.satisfaction(), null);
        }
    }

    /** §6.3: a questionnaire's overall-satisfaction answer is a satisfaction score too. */
    @EventHandler
    void on(QuestionnaireAnswered event, EventMessage<QuestionnaireAnswered> message) {
        if (event.overallScore() != null) {
            fact(message, FactKind.SATISFACTION, event.servicePointId(), event.answeredOn(), 1,
                    event.overallScore() >= 4 ? 1 : 0, event.overallScore(), null);
        }
    }

    @EventHandler
    void on(ActivityHeld event, EventMessage<ActivityHeld> message) {
        fact(message, FactKind.ACTIVITY, event.servicePointId(), event.heldOn(), 1, 1, event.participants(), null);
    }

    @EventHandler
    void on(QuestionAnswered event, EventMessage<QuestionAnswered> message) {
        fact(message, FactKind.CONSULTATION, event.servicePointId(),
                LocalDate.ofInstant(event.answeredAt(), LibraryTime.ZONE), 1, event.withinServiceLevel() ? 1 : 0,
                event.responseMinutes(), null);
    }

    private void fact(EventMessage<?> message, FactKind kind, String point, LocalDate day, int count, int good,
                      long value, String reader) {
        EvaluationDay.store(mongo, new Fact(message.getIdentifier(), kind, point, day, count, good, value, reader,
                null, null));
    }

    private static LocalDate dayOf(EventMessage<?> message) {
        return message.getTimestamp().atZone(LibraryTime.ZONE).toLocalDate();
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(EvaluationDay.class);
        mongo.dropCollection(DepositBatch.class);
        mongo.dropCollection(PointDeposits.class);
        mongo.dropCollection(KeptParts.COLLECTION);
        mongo.dropCollection(KeptCounts.COLLECTION);
        LEGACY_COLLECTIONS.forEach(mongo::dropCollection);
        mongo.dropCollection(EvaluatedPoint.class);
        mongo.dropCollection(BatchDueDate.class);
        mongo.dropCollection(BatchRequest.class);
    }
}
