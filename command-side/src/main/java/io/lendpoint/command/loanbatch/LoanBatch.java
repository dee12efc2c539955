package io.lendpoint.command.loanbatch;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.loanbatch.AcceptBatch;
import io.lendpoint.api.loanbatch.BatchAccepted;
import io.lendpoint.api.loanbatch.BatchDeclined;
import io.lendpoint.api.loanbatch.BatchRequested;
import io.lendpoint.api.loanbatch.BatchStatus;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.DeclineBatch;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.standing.CardReservations;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §5, A.1.1: one loan batch (a whole-batch loan, 整借整还) from a live point's request (§5.1) to the library's
 * decision; accepting reserves the quantity on the point's collective card, which refuses anything beyond its
 * limit (A.1.2). Picking, shipping, receipt, circulation, return and inspection follow (issue 5).
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class LoanBatch {

    @AggregateIdentifier
    private String batchId;
    private String servicePointId;
    private BatchStatus status;
    private List<CategoryQuantity> wanted;

    LoanBatch() {
        // for Axon and Jackson
    }

    @CommandHandler
    LoanBatch(RequestBatch command, Standings standings) {
        String point = command.servicePointId();
        if (standings.servicePoint(point).status() != ServicePointStatus.ACTIVE) {
            throw RuleViolation.conflict("batch.point-not-live", "Service point " + point
                    + " is not live (§4.3); it cannot request books yet", point);
        }
        AgreementStanding agreement = standings.agreement(point);
        if (!agreement.inForce()) {
            throw RuleViolation.conflict("batch.agreement-not-in-force", "The agreement of " + point
                    + " is not in force; no batch before it is", point);
        }
        if (!standings.card(point).active()) {
            throw RuleViolation.conflict("batch.card-not-active", "The collective card of " + point
                    + " is not active", point);
        }
        int total = totalOf(command.wanted());
        if (total > agreement.terms().maxItemsOut()) {
            throw RuleViolation.unprocessable("batch.more-than-limit", "A.1.2: " + total + " books asked for, but at "
                    + "most " + agreement.terms().maxItemsOut() + " may be out at once", total,
                    agreement.terms().maxItemsOut());
        }
        if (command.wantedDeliveryDate().isBefore(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("batch.delivery-in-past", "The wanted delivery date "
                    + command.wantedDeliveryDate() + " has passed", command.wantedDeliveryDate());
        }
        int term = agreement.terms().loanTermMonths();
        int loanPeriod = command.loanPeriodMonths() == null ? term : command.loanPeriodMonths();
        if (loanPeriod > term) {
            throw RuleViolation.unprocessable("batch.loan-period-above-agreement", "A.1.2: the agreement's loan term is "
                    + term + " months, not " + loanPeriod, loanPeriod, term);
        }
        apply(new BatchRequested(command.batchId(), point, List.copyOf(command.wanted()), total,
                command.wantedDeliveryDate(), command.deliveryPlace(), loanPeriod, command.note()));
    }

    @CommandHandler
    void handle(AcceptBatch command, CardReservations cards) {
        requireAwaitingDecision("accept");
        List<CategoryQuantity> accepted = command.adjusted() == null ? wanted : List.copyOf(command.adjusted());
        int total = totalOf(accepted);
        cards.reserve(servicePointId, batchId, total);
        apply(new BatchAccepted(batchId, servicePointId, accepted, total, CardIds.forServicePoint(servicePointId),
                command.note()));
    }

    @CommandHandler
    void handle(DeclineBatch command) {
        requireAwaitingDecision("decline");
        apply(new BatchDeclined(batchId, servicePointId, command.reason()));
    }

    private void requireAwaitingDecision(String action) {
        if (status != BatchStatus.REQUESTED) {
            throw RuleViolation.conflict("batch.decided", "Batch " + batchId + " is " + status + " already; cannot "
                    + action + " it", batchId, status);
        }
    }

    /** The total of a list in which each class appears once (§5.1 kinds and quantities). */
    private static int totalOf(List<CategoryQuantity> quantities) {
        HashSet<String> seen = new HashSet<>();
        int total = 0;
        for (CategoryQuantity line : quantities) {
            if (!seen.add(line.category())) {
                throw RuleViolation.unprocessable("batch.category-repeated", "Class " + line.category()
                        + " appears more than once; give one quantity per class", line.category());
            }
            total += line.quantity();
        }
        return total;
    }

    @EventSourcingHandler
    void on(BatchRequested event) {
        batchId = event.batchId();
        servicePointId = event.servicePointId();
        wanted = event.wanted();
        status = BatchStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(BatchAccepted event) {
        status = BatchStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(BatchDeclined event) {
        status = BatchStatus.DECLINED;
    }
}
