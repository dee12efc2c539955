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
import io.lendpoint.api.loanbatch.BatchClosed;
import io.lendpoint.api.loanbatch.ItemLent;
import io.lendpoint.api.loanbatch.ItemRenewed;
import io.lendpoint.api.loanbatch.ItemReturnedInPoint;
import io.lendpoint.api.loanbatch.LendItems;
import io.lendpoint.api.loanbatch.RenewItemLoan;
import io.lendpoint.api.loanbatch.TakeBackItems;
import io.lendpoint.api.loanbatch.BatchDue;
import io.lendpoint.api.loanbatch.BatchOverdue;
import io.lendpoint.api.loanbatch.BatchRenewed;
import io.lendpoint.api.loanbatch.DueDateSet;
import io.lendpoint.api.loanbatch.DueReminderIssued;
import io.lendpoint.api.loanbatch.OverdueFineAssessed;
import io.lendpoint.api.loanbatch.ReminderDue;
import io.lendpoint.api.loanbatch.RenewBatch;
import io.lendpoint.api.loanbatch.BatchPacked;
import io.lendpoint.api.loanbatch.BatchReturned;
import io.lendpoint.api.loanbatch.CompensationAssessed;
import io.lendpoint.api.loanbatch.CompensationSettled;
import io.lendpoint.api.loanbatch.DamageRecorded;
import io.lendpoint.api.loanbatch.InspectItems;
import io.lendpoint.api.loanbatch.Inspection;
import io.lendpoint.api.loanbatch.InspectionOutcome;
import io.lendpoint.api.loanbatch.ItemInspected;
import io.lendpoint.api.loanbatch.ItemsReturned;
import io.lendpoint.api.loanbatch.ReturnItems;
import io.lendpoint.api.loanbatch.SettleCompensation;
import io.lendpoint.api.loanbatch.LostItemFound;
import io.lendpoint.api.loanbatch.RecordLostItemFound;
import io.lendpoint.api.loanbatch.RecordRefundPaid;
import io.lendpoint.api.loanbatch.RefundDisposition;
import io.lendpoint.api.loanbatch.RefundPaid;
import io.lendpoint.api.loanbatch.SettlementKind;
import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.ConfirmReceipt;
import io.lendpoint.api.loanbatch.DiscrepancyKind;
import io.lendpoint.api.loanbatch.ItemNote;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyRecorded;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyResolved;
import io.lendpoint.api.loanbatch.ReceiptResult;
import io.lendpoint.api.loanbatch.ResolveDiscrepancy;
import io.lendpoint.api.loanbatch.Resolution;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.BatchStatus;
import io.lendpoint.api.loanbatch.Box;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.ItemsPicked;
import io.lendpoint.api.loanbatch.ItemsUnpicked;
import io.lendpoint.api.loanbatch.PackBatch;
import io.lendpoint.api.loanbatch.PickItems;
import io.lendpoint.api.loanbatch.ShipBatch;
import io.lendpoint.api.loanbatch.UnpickItems;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.DeclineBatch;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.api.rules.CompensationAssessment;
import io.lendpoint.api.rules.CompensationItem;
import io.lendpoint.api.rules.CompensationRuleSet;
import io.lendpoint.api.rules.FineRuleSet;
import io.lendpoint.api.rules.RuleSets;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.standing.CardReservations;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §5, A.1.1: one loan batch (a whole-batch loan, 整借整还) from a live point's request (§5.1) to the library's
 * decision (accepting reserves the quantity on the point's collective card, which refuses anything beyond its
 * limit, A.1.2), picking, packing and shipping with its item list (§5.2, A.1.3). A batch holds up to 2000 items:
 * picking takes whole lists in one event, and snapshots keep loads short; receipt with its discrepancies
 * (§5.2, A.2.2); return in one or several shipments, inspection with compensation by the agreement's rule set,
 * settlement, and closing when every item is accounted for (§5.4, A.1.1); due date from receipt, reminders and
 * overdue detection by durable deadlines, whole-batch renewal, overdue fines by the agreement's fine table
 * (§5.4.1, A.2.4); in-point circulation to the point's readers (§5.3.1); a lost item found later, with its refund
 * (§5.4.2).
 * <p>
 * The revision names the shape of this class's state: a snapshot of another revision is ignored (the aggregate
 * is rebuilt from its events). Raise it when a field is renamed, changes meaning, or is added with a value that
 * earlier events imply (revision 2: {@code refundable} comes from past {@code CompensationAssessed} events;
 * revision 3: {@code remindersIssued} from past {@code DueReminderIssued} events).
 */
@Revision("3")
@Aggregate(snapshotTriggerDefinition = "batchSnapshotTrigger", cache = "batchCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class LoanBatch {

    /** A reminder scheduled with the others at receipt or renewal (before issue 8's chaining); schedules nothing. */
    static final String REMINDER = "batch-due-reminder";
    /** A reminder that, when it fires for the current due date, schedules the next reminder (if any is left). */
    static final String CHAINED_REMINDER = "batch-due-reminder-chained";
    static final String DUE = "batch-due";

    @AggregateIdentifier
    private String batchId;
    private String servicePointId;
    private BatchStatus status;
    private List<CategoryQuantity> wanted;
    private List<CategoryQuantity> accepted;
    private int loanPeriodMonths;
    /** §5.4.1: when the batch is due back, how often it was renewed, and whether the due date has passed. */
    private LocalDate dueOn;
    private int renewals;
    private boolean overdue;
    /** §5.4.1: the reminders issued for the current due date, by days before it (one fired twice reminds once). */
    private HashSet<Integer> remindersIssued = new HashSet<>();
    private int acceptedTotal;
    /** §5.2: the items in the batch, by barcode, in the order they were picked. */
    private LinkedHashMap<String, ItemDescription> items = new LinkedHashMap<>();
    private LocalDate shippedOn;
    /** §5.2: receipt discrepancies not resolved yet, by barcode. */
    private HashMap<String, DiscrepancyKind> openDiscrepancies = new HashMap<>();
    /** §5.3.1: items out with the point's readers: barcode → pseudonymous reader number. */
    private HashMap<String, String> lentTo = new HashMap<>();
    /** §5.4: items back at the library, and the verdict on each inspected item. */
    private LinkedHashSet<String> returned = new LinkedHashSet<>();
    private HashMap<String, InspectionOutcome> inspected = new HashMap<>();
    /** §5.4.2: assessed compensation per item, and how the settled ones were settled. */
    private HashMap<String, BigDecimal> compensations = new HashMap<>();
    private HashMap<String, SettlementKind> settlements = new HashMap<>();
    /** §5.4.2: per lost item, what its rule set refunds if it is found; the lost items found since. */
    private HashMap<String, BigDecimal> refundable = new HashMap<>();
    private HashSet<String> found = new HashSet<>();
    /** §5.4.2: of found items, the refund deducted from an unsettled compensation, and refunds owed to the point. */
    private HashMap<String, BigDecimal> deducted = new HashMap<>();
    private HashMap<String, BigDecimal> refundsOwed = new HashMap<>();

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

    /**
     * §5.2: picked items join the batch. A rescan of an item already in it changes nothing; each item must belong
     * to an accepted class, no class may exceed its accepted quantity, and an item in another open batch is
     * refused (claims in the command's own transaction).
     */
    @CommandHandler
    void handle(PickItems command, BarcodeClaims claims) {
        if (status != BatchStatus.ACCEPTED && status != BatchStatus.PICKING) {
            throw wrongStatus("pick items for");
        }
        LinkedHashMap<String, ItemDescription> fresh = new LinkedHashMap<>();
        for (ItemDescription item : command.items()) {
            if (fresh.putIfAbsent(item.barcode(), item) != null) {
                throw RuleViolation.unprocessable("item.duplicate-barcode", "Barcode " + item.barcode()
                        + " appears twice in the list", item.barcode());
            }
        }
        fresh.keySet().removeAll(items.keySet());
        if (fresh.isEmpty()) {
            return; // every item is in the batch already: nothing happened
        }
        if (items.size() + fresh.size() > acceptedTotal) {
            throw RuleViolation.conflict("batch.picked-beyond-accepted", "The batch was accepted for " + acceptedTotal
                    + " items; " + items.size() + " are picked, " + fresh.size() + " more would exceed it",
                    acceptedTotal, items.size(), fresh.size());
        }
        Map<String, Integer> perClass = countPerAcceptedClass(items.values());
        for (ItemDescription item : fresh.values()) {
            String acceptedClass = acceptedClassOf(item);
            int count = perClass.merge(acceptedClass, 1, Integer::sum);
            int quota = accepted.stream().filter(line -> line.category().equals(acceptedClass))
                    .mapToInt(CategoryQuantity::quantity).sum();
            if (count > quota) {
                throw RuleViolation.conflict("batch.class-quota-exceeded", "Class " + acceptedClass + " was accepted "
                        + "for " + quota + " items", acceptedClass, quota);
            }
        }
        claims.claim(batchId, fresh.keySet());
        apply(new ItemsPicked(batchId, servicePointId, List.copyOf(fresh.values()), items.size() + fresh.size()));
    }

    @CommandHandler
    void handle(UnpickItems command, BarcodeClaims claims) {
        if (status != BatchStatus.PICKING) {
            throw wrongStatus("unpick items of");
        }
        List<String> unknown = command.barcodes().stream().filter(barcode -> !items.containsKey(barcode)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.unprocessable("item.not-in-batch", "Not in batch " + batchId + ": " + unknown,
                    unknown);
        }
        List<String> barcodes = command.barcodes().stream().distinct().toList();
        claims.release(batchId, barcodes);
        apply(new ItemsUnpicked(batchId, servicePointId, barcodes, items.size() - barcodes.size()));
    }

    /** §5.2: the boxes hold exactly the picked items; accepted capacity left unpicked goes back to the card. */
    @CommandHandler
    void handle(PackBatch command, CardReservations cards) {
        if (status != BatchStatus.PICKING || items.isEmpty()) {
            throw wrongStatus("pack");
        }
        int inBoxes = command.boxes().stream().mapToInt(Box::itemCount).sum();
        if (inBoxes != items.size()) {
            throw RuleViolation.unprocessable("batch.boxes-do-not-match", "The boxes hold " + inBoxes + " items, the "
                    + "batch " + items.size(), inBoxes, items.size());
        }
        int unpicked = acceptedTotal - items.size();
        if (unpicked > 0) {
            cards.release(servicePointId, batchId, unpicked);
        }
        apply(new BatchPacked(batchId, servicePointId, List.copyOf(command.boxes()), items.size(), unpicked));
    }

    /** §5.2, A.1.3: shipped with its item list. */
    @CommandHandler
    void handle(ShipBatch command) {
        if (status != BatchStatus.PACKED) {
            throw wrongStatus("ship");
        }
        if (command.shippedOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("batch.shipped-in-future", "A batch cannot be shipped on a future date ("
                    + command.shippedOn() + ")", command.shippedOn());
        }
        apply(new BatchShipped(batchId, servicePointId, command.carrier(), command.vehicle(), command.shippedOn(),
                List.copyOf(items.values())));
    }

    /**
     * §5.2, A.2.2: the point scanned what arrived; missing and extra items follow from the scan, damaged ones are
     * noted; both handlers confirm. Answers what was found, so the point sees the discrepancies at once.
     */
    @CommandHandler
    ReceiptResult handle(ConfirmReceipt command, DeadlineManager deadlines, LoanPolicy policy) {
        requireBatchOf(command.servicePointId());
        if (status != BatchStatus.SHIPPED) {
            throw wrongStatus("receive");
        }
        LocalDate today = LibraryTime.today(GenericEventMessage.clock);
        if (command.receivedOn().isBefore(shippedOn) || command.receivedOn().isAfter(today)) {
            throw RuleViolation.unprocessable("batch.received-date-invalid", "Received on " + command.receivedOn()
                    + " is before shipping (" + shippedOn + ") or in the future", command.receivedOn(), shippedOn);
        }
        Set<String> scanned = new LinkedHashSet<>(command.scannedBarcodes());
        List<String> missing = items.keySet().stream().filter(barcode -> !scanned.contains(barcode)).toList();
        List<String> extra = scanned.stream().filter(barcode -> !items.containsKey(barcode)).toList();
        List<ItemNote> damaged = command.damagedOnArrival() == null ? List.of() : command.damagedOnArrival();
        List<String> notReceived = damaged.stream().map(ItemNote::barcode)
                .filter(barcode -> !items.containsKey(barcode) || !scanned.contains(barcode)).toList();
        if (!notReceived.isEmpty()) {
            throw RuleViolation.unprocessable("item.damaged-not-received", "Noted as damaged but not received from "
                    + "the list: " + notReceived, notReceived);
        }
        apply(new BatchReceived(batchId, servicePointId, command.receivedOn(), command.libraryHandler(),
                command.servicePointHandler(), items.size() - missing.size()));
        missing.forEach(barcode -> apply(new ReceiptDiscrepancyRecorded(batchId, servicePointId, barcode,
                DiscrepancyKind.MISSING, null)));
        extra.forEach(barcode -> apply(new ReceiptDiscrepancyRecorded(batchId, servicePointId, barcode,
                DiscrepancyKind.EXTRA, null)));
        damaged.forEach(note -> apply(new ReceiptDiscrepancyRecorded(batchId, servicePointId, note.barcode(),
                DiscrepancyKind.DAMAGED_ON_ARRIVAL, note.note())));
        apply(new DueDateSet(batchId, servicePointId, command.receivedOn().plusMonths(loanPeriodMonths)));
        scheduleDueDeadlines(deadlines, policy);
        return new ReceiptResult(items.size() - missing.size(), missing, extra,
                damaged.stream().map(ItemNote::barcode).toList());
    }

    /**
     * §5.2: a discrepancy is settled explicitly. An item written off (it never arrived, or went back damaged)
     * leaves the batch: its capacity on the card and its claim are released, so the card count stays right.
     */
    @CommandHandler
    void handle(ResolveDiscrepancy command, CardReservations cards, BarcodeClaims claims) {
        if (status != BatchStatus.RECEIVED) {
            throw wrongStatus("resolve discrepancies of");
        }
        DiscrepancyKind kind = openDiscrepancies.get(command.barcode());
        if (kind == null) {
            throw RuleViolation.unprocessable("batch.no-open-discrepancy", "No open discrepancy for "
                    + command.barcode(), command.barcode());
        }
        boolean allowed = switch (kind) {
            case MISSING -> command.resolution() == Resolution.FOUND || command.resolution() == Resolution.WRITTEN_OFF;
            case EXTRA -> command.resolution() == Resolution.RETURNED;
            case DAMAGED_ON_ARRIVAL -> command.resolution() == Resolution.ACCEPTED_AS_IS
                    || command.resolution() == Resolution.WRITTEN_OFF;
        };
        if (!allowed) {
            throw RuleViolation.unprocessable("batch.resolution-not-allowed", "A " + kind + " item cannot be "
                    + command.resolution(), kind, command.resolution());
        }
        if (command.resolution() == Resolution.WRITTEN_OFF) {
            cards.release(servicePointId, batchId, 1);
            claims.release(batchId, List.of(command.barcode()));
        }
        apply(new ReceiptDiscrepancyResolved(batchId, servicePointId, command.barcode(), kind, command.resolution(),
                command.note()));
    }

    /**
     * §5.3.1: the point lends items to a reader — only items that are at the point (received, not missing, not
     * gone back to the library) and not out with another reader. All or nothing, naming each refused item.
     */
    @CommandHandler
    void handle(LendItems command) {
        requireBatchOf(command.servicePointId());
        requireCirculating("lend items of");
        requireNotInFuture(command.lentOn());
        List<String> refused = new ArrayList<>();
        for (String barcode : new LinkedHashSet<>(command.barcodes())) {
            String problem = !items.containsKey(barcode) ? "not-in-batch"
                    : !atPoint(barcode) ? "not-at-point"
                    : lentTo.containsKey(barcode) ? "already-lent" : null;
            if (problem != null) {
                refused.add(barcode + ": " + problem);
            }
        }
        if (!refused.isEmpty()) {
            throw RuleViolation.conflict("item.cannot-lend", "§5.3.1 cannot lend " + refused, refused);
        }
        new LinkedHashSet<>(command.barcodes()).forEach(barcode -> apply(new ItemLent(batchId, servicePointId, barcode,
                command.readerNumber(), command.lentOn())));
    }

    /** §5.3.1: readers bring items back to the point; each must be out with a reader. */
    @CommandHandler
    void handle(TakeBackItems command) {
        requireBatchOf(command.servicePointId());
        requireCirculating("take back items of");
        requireNotInFuture(command.returnedOn());
        List<String> notLent = command.barcodes().stream().distinct().filter(barcode -> !lentTo.containsKey(barcode))
                .toList();
        if (!notLent.isEmpty()) {
            throw RuleViolation.conflict("item.not-lent", "Not lent to any reader: " + notLent, notLent);
        }
        command.barcodes().stream().distinct().forEach(barcode -> apply(new ItemReturnedInPoint(batchId,
                servicePointId, barcode, lentTo.get(barcode), command.returnedOn())));
    }

    /** §5.3.1: a reader renews an item. */
    @CommandHandler
    void handle(RenewItemLoan command) {
        requireBatchOf(command.servicePointId());
        requireCirculating("renew loans of");
        String reader = lentTo.get(command.barcode());
        if (reader == null) {
            throw RuleViolation.conflict("item.not-lent", "Not lent to any reader: " + command.barcode(),
                    List.of(command.barcode()));
        }
        apply(new ItemRenewed(batchId, servicePointId, command.barcode(), reader, command.renewedOn()));
    }

    /** A point acts on its own batches only; another point's batch is, to it, not there. */
    private void requireBatchOf(String pointId) {
        if (!pointId.equals(servicePointId)) {
            throw RuleViolation.notFound("batch.not-of-point", "Batch " + batchId + " is not a batch of " + pointId,
                    batchId, pointId);
        }
    }

    private void requireCirculating(String action) {
        if (status != BatchStatus.RECEIVED && status != BatchStatus.RETURNING) {
            throw wrongStatus(action);
        }
    }

    private static void requireNotInFuture(LocalDate date) {
        if (date.isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("batch.date-in-future", "The date " + date + " is in the future", date);
        }
    }

    /** At the point: part of the batch, arrived (not an open MISSING), not gone back to the library. */
    private boolean atPoint(String barcode) {
        return items.containsKey(barcode) && !returned.contains(barcode)
                && openDiscrepancies.get(barcode) != DiscrepancyKind.MISSING;
    }

    /** A.2.4: whole-batch renewal, on request before the due date, as often as the loan policy allows. */
    @CommandHandler
    void handle(RenewBatch command, DeadlineManager deadlines, LoanPolicy policy) {
        requireBatchOf(command.servicePointId());
        requireCirculating("renew");
        if (overdue || LibraryTime.today(GenericEventMessage.clock).isAfter(dueOn)) {
            throw RuleViolation.conflict("batch.renewal-too-late", "A.2.4: renewal must be asked for before the due "
                    + "date (" + dueOn + ")", dueOn);
        }
        if (renewals >= policy.maxRenewals()) {
            throw RuleViolation.conflict("batch.renewals-exhausted", "The batch was renewed " + renewals
                    + " time(s) already; the loan policy allows " + policy.maxRenewals(), renewals, policy.maxRenewals());
        }
        apply(new BatchRenewed(batchId, servicePointId, dueOn, dueOn.plusMonths(loanPeriodMonths), renewals + 1));
        scheduleDueDeadlines(deadlines, policy); // the earlier ones fire as stale and change nothing
    }

    /**
     * §5.4.1: a reminder before the due date, once per date and lead time (stale after a renewal or return), as
     * stores before issue 8's chaining scheduled them: every reminder and the due deadline at once.
     */
    @DeadlineHandler(deadlineName = REMINDER)
    void on(ReminderDue due) {
        remindIfOwed(due);
    }

    /**
     * §5.4.1: a reminder before the due date (stale after a renewal or return, and then the end of its chain); it
     * schedules the next reminder. Its time is not compared with the clock: one that fires late (the instance was
     * down) is followed at once by those whose time has passed, as when every reminder was scheduled at receipt.
     * One that fires again (db-scheduler runs a task again when the instance that ran it died before marking it
     * done) finds itself issued and reminds nobody again, but schedules the next once more: in distributed mode the
     * event and the next deadline commit apart (Axon Server, PostgreSQL), so the first firing's may be lost. Where
     * it was not, the next fires twice, and its second firing reminds nobody either.
     */
    @DeadlineHandler(deadlineName = CHAINED_REMINDER)
    void on(ReminderDue due, DeadlineManager deadlines, LoanPolicy policy) {
        if (dueStillOpen(due.dueOn())) { // else stale: the end of this chain
            remindIfOwed(due);
            scheduleNextReminder(deadlines, policy, due.daysBefore(), Instant.MIN);
        }
    }

    /** §5.4.1: the due date passed with items still out. */
    @DeadlineHandler(deadlineName = DUE)
    void on(BatchDue due) {
        if (dueStillOpen(due.dueOn()) && !overdue) {
            apply(new BatchOverdue(batchId, servicePointId, dueOn, itemsOut()));
        }
    }

    /** Issues the reminder unless it is stale or was issued already for this due date. */
    private void remindIfOwed(ReminderDue due) {
        if (dueStillOpen(due.dueOn()) && !remindersIssued.contains(due.daysBefore())) {
            apply(new DueReminderIssued(batchId, servicePointId, dueOn, due.daysBefore(), itemsOut()));
        }
    }

    private boolean dueStillOpen(LocalDate scheduledFor) {
        return scheduledFor.equals(dueOn) && (status == BatchStatus.RECEIVED || status == BatchStatus.RETURNING);
    }

    private int itemsOut() {
        return (int) items.keySet().stream().filter(barcode -> !returned.contains(barcode)
                && inspected.get(barcode) != InspectionOutcome.LOST).count();
    }

    /**
     * The current due date's deadlines: the due deadline, and the earliest reminder still ahead, which schedules the
     * next when it fires ({@link #CHAINED_REMINDER}). Two durable deadlines per receipt or renewal instead of one per
     * reminder and the due date (each is a look-up and an insert in the command's commit); the due deadline does
     * not hang on the reminders' chain.
     */
    private void scheduleDueDeadlines(DeadlineManager deadlines, LoanPolicy policy) {
        deadlines.schedule(dueOn.plusDays(1).atStartOfDay(LibraryTime.ZONE).toInstant(), DUE, new BatchDue(batchId, dueOn));
        scheduleNextReminder(deadlines, policy, Integer.MAX_VALUE, GenericEventMessage.clock.instant());
    }

    /** The reminder with the most days left under {@code fewerDaysThan} whose time is after {@code after}, if any. */
    private void scheduleNextReminder(DeadlineManager deadlines, LoanPolicy policy, int fewerDaysThan, Instant after) {
        policy.reminderDays().stream().filter(days -> days < fewerDaysThan)
                .filter(days -> reminderTime(days).isAfter(after)).max(Comparator.naturalOrder())
                .ifPresent(days -> deadlines.schedule(reminderTime(days), CHAINED_REMINDER,
                        new ReminderDue(batchId, dueOn, days)));
    }

    private Instant reminderTime(int daysBefore) {
        return dueOn.minusDays(daysBefore).atStartOfDay(LibraryTime.ZONE).toInstant();
    }

    /** §5.4.1, A.1.1: items come back (in one or several shipments); the batch is returned when all are back. */
    @CommandHandler
    void handle(ReturnItems command, Standings standings, RuleSets rules) {
        if (status != BatchStatus.RECEIVED && status != BatchStatus.RETURNING) {
            throw wrongStatus("return items of");
        }
        List<String> unknown = command.barcodes().stream().filter(barcode -> !items.containsKey(barcode)).distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.unprocessable("item.not-in-batch", "Not in batch " + batchId + ": " + unknown, unknown);
        }
        List<String> withReaders = command.barcodes().stream().distinct().filter(lentTo::containsKey).toList();
        if (!withReaders.isEmpty()) {
            throw RuleViolation.conflict("item.lent-to-reader", "§5.3.1 still out with the point's readers: "
                    + withReaders, withReaders);
        }
        if (command.returnedOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("batch.returned-in-future", "Items cannot be returned on a future date ("
                    + command.returnedOn() + ")", command.returnedOn());
        }
        List<String> fresh = command.barcodes().stream().distinct()
                .filter(barcode -> !returned.contains(barcode) && inspected.get(barcode) != InspectionOutcome.LOST)
                .toList();
        if (fresh.isEmpty()) {
            return; // all of them are back already
        }
        apply(new ItemsReturned(batchId, servicePointId, fresh, command.returnedOn(), returned.size() + fresh.size()));
        if (dueOn != null && command.returnedOn().isAfter(dueOn)) {
            FineRuleSet fines = rules.fines(standings.agreement(servicePointId).terms().fineRules());
            int overdueDays = (int) ChronoUnit.DAYS.between(dueOn, command.returnedOn());
            apply(new OverdueFineAssessed(batchId, servicePointId, fresh, command.returnedOn(),
                    fines.assess(fresh.size(), overdueDays)));
        }
        if (allBackOrLost()) {
            apply(new BatchReturned(batchId, servicePointId, command.returnedOn()));
        }
    }

    /**
     * §5.4.2: verdicts on items — returned ones intact or damaged, unreturned ones lost; damage and loss are
     * assessed by the agreement's compensation rule set. All or nothing: any invalid verdict refuses the command,
     * naming each. When every item is accounted for, the batch closes (A.1.1): its capacity on the card and its
     * items' claims are released.
     */
    @CommandHandler
    void handle(InspectItems command, Standings standings, RuleSets rules, CardReservations cards,
                BarcodeClaims claims) {
        if (status != BatchStatus.RECEIVED && status != BatchStatus.RETURNING && status != BatchStatus.RETURNED) {
            throw wrongStatus("inspect items of");
        }
        CompensationRuleSet compensation = rules.compensation(
                standings.agreement(servicePointId).terms().compensationRules());
        List<String> problems = new ArrayList<>();
        Map<String, CompensationAssessment> assessments = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Inspection inspection : command.inspections()) {
            String barcode = inspection.barcode();
            ItemDescription item = items.get(barcode);
            String problem = item == null ? "not-in-batch"
                    : !seen.add(barcode) || inspected.containsKey(barcode) ? "already-inspected"
                    : inspection.outcome() == InspectionOutcome.LOST && returned.contains(barcode) ? "returned-not-lost"
                    : inspection.outcome() != InspectionOutcome.LOST && !returned.contains(barcode) ? "not-returned"
                    : inspection.outcome() == InspectionOutcome.DAMAGED && inspection.severity() == null ? "severity-missing"
                    : null;
            if (problem == null && inspection.outcome() != InspectionOutcome.INTACT) {
                Integer year = item.publicationYear() != null ? item.publicationYear() : inspection.publicationYear();
                if (year == null) {
                    problem = "publication-year-missing";
                } else {
                    assessments.put(barcode, compensation.assess(inspection.outcome() == InspectionOutcome.LOST
                            ? CompensationItem.lost(item.listPrice(), year)
                            : CompensationItem.damaged(item.listPrice(), year, inspection.severity())));
                }
            }
            if (problem != null) {
                problems.add(barcode + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw RuleViolation.unprocessable("batch.inspection-refused", "§5.4.2 inspection refused for "
                    + problems, problems);
        }
        for (Inspection inspection : command.inspections()) {
            apply(new ItemInspected(batchId, servicePointId, inspection.barcode(), inspection.outcome(),
                    inspection.severity(), inspection.note()));
            CompensationAssessment assessment = assessments.get(inspection.barcode());
            if (assessment != null) {
                apply(new DamageRecorded(batchId, servicePointId, inspection.barcode(), inspection.outcome(),
                        inspection.severity(), inspection.note()));
                apply(new CompensationAssessed(batchId, servicePointId, inspection.barcode(), assessment));
            }
        }
        LocalDate today = LibraryTime.today(GenericEventMessage.clock);
        if (status != BatchStatus.RETURNED && allBackOrLost()) {
            apply(new BatchReturned(batchId, servicePointId, today));
        }
        if (inspected.size() == items.size()) {
            cards.release(servicePointId, batchId, items.size());
            claims.release(batchId, items.keySet());
            apply(new BatchClosed(batchId, servicePointId, today, count(InspectionOutcome.INTACT),
                    count(InspectionOutcome.DAMAGED), count(InspectionOutcome.LOST),
                    compensations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
    }

    /**
     * §5.4.2, A.2.5: an assessed compensation is paid, replaced or waived (a waiver needs a reason). What is settled is
     * the amount still due: the assessment less any refund deducted because the lost item was found.
     */
    @CommandHandler
    void handle(SettleCompensation command) {
        BigDecimal assessed = compensations.get(command.barcode());
        if (assessed == null) {
            throw RuleViolation.unprocessable("batch.no-compensation", "No compensation was assessed for "
                    + command.barcode(), command.barcode());
        }
        if (settlements.containsKey(command.barcode())) {
            throw RuleViolation.conflict("batch.compensation-settled", "The compensation for " + command.barcode()
                    + " is settled already", command.barcode());
        }
        BigDecimal due = assessed.subtract(deducted.getOrDefault(command.barcode(), BigDecimal.ZERO));
        if (due.signum() == 0) {
            throw RuleViolation.conflict("batch.nothing-due", "Nothing is due for " + command.barcode()
                    + ": the item was found and its compensation refunded in full", command.barcode());
        }
        if (command.settlement() == SettlementKind.WAIVED && (command.reason() == null || command.reason().isBlank())) {
            throw RuleViolation.unprocessable("batch.waiver-needs-reason", "A waiver needs a reason");
        }
        apply(new CompensationSettled(batchId, servicePointId, command.barcode(), command.settlement(), due,
                command.reason()));
    }

    /**
     * §5.4.2: a lost item turned up. Its compensation's refundable part (by the rule set it was assessed under) is
     * owed back if the compensation was paid or replaced, deducted from it if it is still due, and nothing if it was
     * waived or the rule set refunds nothing. Overdue fines stay due.
     */
    @CommandHandler
    void handle(RecordLostItemFound command) {
        String barcode = command.barcode();
        if (inspected.get(barcode) != InspectionOutcome.LOST) {
            throw RuleViolation.unprocessable("item.not-lost", "Item " + barcode + " was not inspected as lost in batch "
                    + batchId, barcode);
        }
        if (found.contains(barcode)) {
            throw RuleViolation.conflict("item.found-already", "Item " + barcode + " was recorded as found already",
                    barcode);
        }
        requireNotInFuture(command.foundOn());
        BigDecimal refund = refundable.getOrDefault(barcode, BigDecimal.ZERO);
        SettlementKind settlement = settlements.get(barcode);
        BigDecimal assessed = compensations.getOrDefault(barcode, BigDecimal.ZERO);
        RefundDisposition disposition;
        BigDecimal stillDue;
        if (refund.signum() == 0 || settlement == SettlementKind.WAIVED) {
            disposition = RefundDisposition.NONE;
            refund = BigDecimal.ZERO.setScale(2);
            stillDue = settlement == null ? assessed : BigDecimal.ZERO.setScale(2);
        } else if (settlement == null) {
            disposition = RefundDisposition.DEDUCTED;
            stillDue = assessed.subtract(refund);
        } else {
            disposition = RefundDisposition.REFUND_OWED;
            stillDue = BigDecimal.ZERO.setScale(2);
        }
        apply(new LostItemFound(batchId, servicePointId, barcode, command.foundOn(), disposition, refund, stillDue,
                command.note()));
    }

    /** §5.4.2: the refund owed for a found item was paid back to the point, once. */
    @CommandHandler
    void handle(RecordRefundPaid command) {
        BigDecimal owed = refundsOwed.get(command.barcode());
        if (owed == null) {
            throw RuleViolation.unprocessable("batch.no-refund-owed", "No refund is owed for " + command.barcode(),
                    command.barcode());
        }
        requireNotInFuture(command.paidOn());
        apply(new RefundPaid(batchId, servicePointId, command.barcode(), owed, command.paidOn()));
    }

    private boolean allBackOrLost() {
        return items.keySet().stream().allMatch(barcode -> returned.contains(barcode)
                || inspected.get(barcode) == InspectionOutcome.LOST);
    }

    private int count(InspectionOutcome outcome) {
        return (int) inspected.values().stream().filter(outcome::equals).count();
    }

    /** The accepted class an item counts against: the longest accepted class its category starts with. */
    private String acceptedClassOf(ItemDescription item) {
        return accepted.stream().map(CategoryQuantity::category).filter(item.category()::startsWith)
                .max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> RuleViolation.unprocessable("item.category-not-accepted", "Item " + item.barcode()
                        + " is of class " + item.category() + ", which this batch was not accepted for",
                        item.barcode(), item.category()));
    }

    private Map<String, Integer> countPerAcceptedClass(Collection<ItemDescription> picked) {
        Map<String, Integer> counts = new HashMap<>();
        picked.forEach(item -> counts.merge(acceptedClassOf(item), 1, Integer::sum));
        return counts;
    }

    private RuleViolation wrongStatus(String action) {
        return RuleViolation.conflict("batch.wrong-status", "Batch " + batchId + " is " + status + "; cannot "
                + action + " it", batchId, status);
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
        loanPeriodMonths = event.loanPeriodMonths();
        servicePointId = event.servicePointId();
        wanted = event.wanted();
        status = BatchStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(BatchAccepted event) {
        status = BatchStatus.ACCEPTED;
        accepted = event.accepted();
        acceptedTotal = event.totalQuantity();
    }

    @EventSourcingHandler
    void on(ItemsPicked event) {
        status = BatchStatus.PICKING;
        event.items().forEach(item -> items.put(item.barcode(), item));
    }

    @EventSourcingHandler
    void on(ItemsUnpicked event) {
        event.barcodes().forEach(items::remove);
    }

    @EventSourcingHandler
    void on(BatchPacked event) {
        status = BatchStatus.PACKED;
    }

    @EventSourcingHandler
    void on(BatchShipped event) {
        status = BatchStatus.SHIPPED;
        shippedOn = event.shippedOn();
    }

    @EventSourcingHandler
    void on(BatchReceived event) {
        status = BatchStatus.RECEIVED;
    }

    @EventSourcingHandler
    void on(ItemLent event) {
        lentTo.put(event.barcode(), event.readerNumber());
    }

    @EventSourcingHandler
    void on(ItemReturnedInPoint event) {
        lentTo.remove(event.barcode());
    }

    @EventSourcingHandler
    void on(DueDateSet event) {
        dueOn = event.dueOn();
        remindersIssued.clear();
    }

    @EventSourcingHandler
    void on(BatchRenewed event) {
        dueOn = event.dueOn();
        renewals = event.renewal();
        remindersIssued.clear();
    }

    @EventSourcingHandler
    void on(DueReminderIssued event) {
        if (event.dueOn().equals(dueOn)) {
            remindersIssued.add(event.daysBefore());
        }
    }

    @EventSourcingHandler
    void on(BatchOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(ItemsReturned event) {
        status = BatchStatus.RETURNING;
        returned.addAll(event.barcodes());
    }

    @EventSourcingHandler
    void on(BatchReturned event) {
        status = BatchStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(ItemInspected event) {
        inspected.put(event.barcode(), event.outcome());
    }

    @EventSourcingHandler
    void on(CompensationAssessed event) {
        compensations.put(event.barcode(), event.assessment().amount());
        if (event.assessment().refundable()) {
            refundable.put(event.barcode(), event.assessment().refundIfFound());
        }
    }

    @EventSourcingHandler
    void on(CompensationSettled event) {
        settlements.put(event.barcode(), event.settlement());
    }

    @EventSourcingHandler
    void on(LostItemFound event) {
        found.add(event.barcode());
        if (event.disposition() == RefundDisposition.DEDUCTED) {
            deducted.put(event.barcode(), event.refund());
        } else if (event.disposition() == RefundDisposition.REFUND_OWED) {
            refundsOwed.put(event.barcode(), event.refund());
        }
    }

    @EventSourcingHandler
    void on(RefundPaid event) {
        refundsOwed.remove(event.barcode());
    }

    @EventSourcingHandler
    void on(BatchClosed event) {
        status = BatchStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ReceiptDiscrepancyRecorded event) {
        openDiscrepancies.put(event.barcode(), event.kind());
    }

    @EventSourcingHandler
    void on(ReceiptDiscrepancyResolved event) {
        openDiscrepancies.remove(event.barcode());
        if (event.resolution() == Resolution.WRITTEN_OFF) {
            items.remove(event.barcode());
        }
    }

    @EventSourcingHandler
    void on(BatchDeclined event) {
        status = BatchStatus.DECLINED;
    }
}
