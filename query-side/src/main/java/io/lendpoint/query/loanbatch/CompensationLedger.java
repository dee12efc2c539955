package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.CompensationAssessed;
import io.lendpoint.api.loanbatch.CompensationDue;
import io.lendpoint.api.loanbatch.CompensationDueQuery;
import io.lendpoint.api.loanbatch.CompensationSettled;
import io.lendpoint.api.loanbatch.CompensationView;
import io.lendpoint.api.loanbatch.LostItemFound;
import io.lendpoint.api.loanbatch.RefundPaid;
import io.lendpoint.query.IdempotentUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * §5.4.2, A.2.5: every assessed compensation as a line in {@code compensation_lines}: what each point still owes
 * and what the library owes back for found items, paged across all of a point's batches.
 */
@Component
@ProcessingGroup(BatchProjection.PROCESSING_GROUP)
class CompensationLedger {

    private final MongoTemplate mongo;

    CompensationLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CompensationAssessed event, DomainEventMessage<CompensationAssessed> message) {
        String id = CompensationLineDocument.idOf(event.batchId(), event.barcode());
        IdempotentUpdates.create(mongo, CompensationLineDocument.class, id, message, () -> {
            CompensationLineDocument line = new CompensationLineDocument();
            line.id = id;
            line.batchId = event.batchId();
            line.servicePointId = event.servicePointId();
            line.assessedAt = message.getTimestamp();
            line.show(CompensationView.assessed(event.barcode(), event.assessment().amount(),
                    event.assessment().basis().code(), event.assessment().parameters()));
            return line;
        });
    }

    @EventHandler
    void on(CompensationSettled event, DomainEventMessage<CompensationSettled> message) {
        change(event.batchId(), event.barcode(), message, view -> view.settled(event.settlement()));
    }

    @EventHandler
    void on(LostItemFound event, DomainEventMessage<LostItemFound> message) {
        change(event.batchId(), event.barcode(), message, view -> view.found(event));
    }

    @EventHandler
    void on(RefundPaid event, DomainEventMessage<RefundPaid> message) {
        change(event.batchId(), event.barcode(), message, view -> view.refundPaid(event.paidOn()));
    }

    private void change(String batchId, String barcode, DomainEventMessage<?> message,
                        Function<CompensationView, CompensationView> change) {
        IdempotentUpdates.apply(mongo, CompensationLineDocument.class, CompensationLineDocument.idOf(batchId, barcode),
                message, line -> line.show(change.apply(line.view)));
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(CompensationLineDocument.class);
    }

    /** §5.4.2: open compensation and unpaid refunds of a point, oldest first; totals over all of them. */
    @QueryHandler
    CompensationDue handle(CompensationDueQuery query) {
        Criteria point = Criteria.where("servicePointId").is(query.servicePointId());
        List<CompensationLineDocument> open = mongo.find(Query.query(point).addCriteria(Criteria.where("open").is(true)),
                CompensationLineDocument.class);
        List<CompensationLineDocument> owed = mongo.find(Query.query(Criteria.where("servicePointId")
                .is(query.servicePointId()).and("refundOwed").is(true)), CompensationLineDocument.class);
        return new CompensationDue(query.servicePointId(), sum(open, CompensationView::stillDue), open.size(),
                page(open, query, CompensationView::stillDue), sum(owed, CompensationView::refund), owed.size(),
                page(owed, query, CompensationView::refund), query.page(), query.size());
    }

    private static BigDecimal sum(List<CompensationLineDocument> lines, Function<CompensationView, BigDecimal> amount) {
        return lines.stream().map(line -> amount.apply(line.view)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static List<CompensationDue.Item> page(List<CompensationLineDocument> lines, CompensationDueQuery query,
                                                   Function<CompensationView, BigDecimal> amount) {
        return lines.stream()
                .sorted(java.util.Comparator.comparing((CompensationLineDocument line) -> line.assessedAt)
                        .thenComparing(line -> line.id))
                .skip((long) query.page() * query.size()).limit(query.size())
                .map(line -> new CompensationDue.Item(line.batchId, line.view.barcode(), amount.apply(line.view),
                        line.view.basis()))
                .toList();
    }
}
