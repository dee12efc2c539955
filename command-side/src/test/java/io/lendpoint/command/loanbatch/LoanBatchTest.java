package io.lendpoint.command.loanbatch;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.RuleSetReference;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.loanbatch.AcceptBatch;
import io.lendpoint.api.loanbatch.BatchAccepted;
import io.lendpoint.api.loanbatch.BatchDeclined;
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
import io.lendpoint.api.rules.CompensationItem;
import io.lendpoint.api.rules.DamageSeverity;
import io.lendpoint.api.rules.RuleSets;
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
import io.lendpoint.api.loanbatch.Box;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.ItemsPicked;
import io.lendpoint.api.loanbatch.ItemsUnpicked;
import io.lendpoint.api.loanbatch.PackBatch;
import io.lendpoint.api.loanbatch.PickItems;
import io.lendpoint.api.loanbatch.ShipBatch;
import io.lendpoint.api.loanbatch.UnpickItems;
import io.lendpoint.api.loanbatch.BatchRequested;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.DeclineBatch;
import io.lendpoint.api.loanbatch.RequestBatch;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.standing.CardReservations;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.lendpoint.command.RuleViolations.violation;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.assertj.core.api.Assertions.assertThat;

class LoanBatchTest {

    private static final String POINT = "sp-1";
    private static final String BATCH = "batch-1";
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DELIVERY = LocalDate.of(2026, 12, 15);
    private static final List<CategoryQuantity> WANTED = List.of(new CategoryQuantity("I", 600),
            new CategoryQuantity("K", 300), new CategoryQuantity("Z", 100));
    private static final AgreementTerms TERMS = AgreementTerms.standard(RuleSets.FINES_STANDARD,
            RuleSets.COMPENSATION_STANDARD);

    private FixtureConfiguration<LoanBatch> fixture;
    private ServicePointStatus pointStatus = ServicePointStatus.ACTIVE;
    private AgreementStatus agreementStatus = AgreementStatus.IN_FORCE;
    private CardStatus cardStatus = CardStatus.ACTIVE;
    private int cardFree = 2000;
    private final List<String> reservations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LoanBatch.class);
        fixture.registerInjectableResource(new Standings() {
            @Override
            public ServicePointStanding servicePoint(String servicePointId) {
                return new ServicePointStanding(servicePointId, pointStatus, "第一小学");
            }

            @Override
            public AgreementStanding agreement(String servicePointId) {
                return new AgreementStanding("agreement-" + servicePointId, agreementStatus, TERMS, null);
            }

            @Override
            public CardStanding card(String servicePointId) {
                return new CardStanding("card-" + servicePointId, cardStatus, 2000, 2000 - cardFree);
            }
        });
        fixture.registerInjectableResource(new CardReservations() {
            @Override
            public void reserve(String servicePointId, String batchId, int quantity) {
                if (quantity > cardFree) {
                    throw RuleViolation.conflict("card.capacity-exceeded", "full", quantity, cardFree, 2000);
                }
                reservations.add(servicePointId + "/" + batchId + "/" + quantity);
            }

            @Override
            public void release(String servicePointId, String batchId, int quantity) {
                reservations.add("released " + servicePointId + "/" + batchId + "/" + quantity);
            }
        });
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(RuleSets.bundled());
        fixture.registerInjectableResource(new LoanPolicy(List.of(30, 7, 1), 1));
    }

    /** The claim table as a map: barcode → batch. */
    private final Map<String, String> claimed = new HashMap<>();
    private final BarcodeClaims claims = new BarcodeClaims() {
        @Override
        public void claim(String batchId, Collection<String> barcodes) {
            List<String> elsewhere = barcodes.stream()
                    .filter(b -> claimed.containsKey(b) && !claimed.get(b).equals(batchId)).toList();
            if (!elsewhere.isEmpty()) {
                throw RuleViolation.conflict("item.in-another-batch", "held", elsewhere);
            }
            barcodes.forEach(b -> claimed.put(b, batchId));
        }

        @Override
        public void release(String batchId, Collection<String> barcodes) {
            barcodes.forEach(b -> claimed.remove(b, batchId));
        }
    };

    private static ItemDescription item(String barcode, String category) {
        return new ItemDescription(barcode, "书名 " + barcode, null, category, new BigDecimal("28.00"), 2020);
    }

    private static BatchAccepted accepted(int i, int k) {
        return new BatchAccepted(BATCH, POINT, List.of(new CategoryQuantity("I", i), new CategoryQuantity("K", k)),
                i + k, "card-" + POINT, null);
    }

    @Test
    @DisplayName("§5.2 picked items join the batch; a rescan changes nothing; a duplicate in one list is refused")
    void picking() {
        fixture.given(requested(), accepted(2, 1))
                .when(new PickItems(BATCH, List.of(item("B0001", "I247"), item("B0002", "K825"))))
                .expectEvents(new ItemsPicked(BATCH, POINT, List.of(item("B0001", "I247"), item("B0002", "K825")), 2));
        assertThat(claimed).containsOnlyKeys("B0001", "B0002");
        fixture.given(requested(), accepted(2, 1), new ItemsPicked(BATCH, POINT, List.of(item("B0001", "I247")), 1))
                .when(new PickItems(BATCH, List.of(item("B0001", "I247"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(requested(), accepted(2, 1))
                .when(new PickItems(BATCH, List.of(item("B0001", "I247"), item("B0001", "I247"))))
                .expectException(violation("item.duplicate-barcode")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.2 an item in another open batch is refused, and nothing is claimed or stored")
    void itemInTwoOpenBatches() {
        claimed.put("B0009", "batch-other");
        fixture.given(requested(), accepted(2, 1))
                .when(new PickItems(BATCH, List.of(item("B0001", "I"), item("B0009", "I"))))
                .expectException(violation("item.in-another-batch"))
                .expectNoEvents();
        assertThat(claimed).containsOnlyKeys("B0009");
    }

    @Test
    @DisplayName("§5.2 picking stays within the accepted total and each class's accepted quantity, and only accepted classes")
    void pickingWithinAcceptance() {
        fixture.given(requested(), accepted(1, 1))
                .when(new PickItems(BATCH, List.of(item("B1", "I"), item("B2", "K"), item("B3", "K"))))
                .expectException(violation("batch.picked-beyond-accepted")).expectNoEvents();
        fixture.given(requested(), accepted(2, 1))
                .when(new PickItems(BATCH, List.of(item("B1", "K1"), item("B2", "K2"))))
                .expectException(violation("batch.class-quota-exceeded")).expectNoEvents();
        fixture.given(requested(), accepted(2, 1))
                .when(new PickItems(BATCH, List.of(item("B1", "TP3"))))
                .expectException(violation("item.category-not-accepted")).expectNoEvents();
        fixture.given(requested())
                .when(new PickItems(BATCH, List.of(item("B1", "I"))))
                .expectException(violation("batch.wrong-status")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.2 a wrong pick is taken out again and its claim released; a barcode not in the batch is refused")
    void unpick() {
        claimed.put("B1", BATCH);
        fixture.given(requested(), accepted(2, 1), new ItemsPicked(BATCH, POINT, List.of(item("B1", "I"), item("B2", "I")), 2))
                .when(new UnpickItems(BATCH, List.of("B1")))
                .expectEvents(new ItemsUnpicked(BATCH, POINT, List.of("B1"), 1));
        assertThat(claimed).doesNotContainKey("B1");
        fixture.given(requested(), accepted(2, 1), new ItemsPicked(BATCH, POINT, List.of(item("B1", "I")), 1))
                .when(new UnpickItems(BATCH, List.of("B7")))
                .expectException(violation("item.not-in-batch")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.2 packing needs boxes holding exactly the picked items, and gives unpicked capacity back to the card")
    void packing() {
        Object[] picked = {requested(), accepted(2, 1), new ItemsPicked(BATCH, POINT, List.of(item("B1", "I"), item("B2", "K")), 2)};
        fixture.given(picked)
                .when(new PackBatch(BATCH, List.of(new Box("箱1", 1))))
                .expectException(violation("batch.boxes-do-not-match")).expectNoEvents();
        fixture.given(picked)
                .when(new PackBatch(BATCH, List.of(new Box("箱1", 1), new Box("箱2", 1))))
                .expectEvents(new BatchPacked(BATCH, POINT, List.of(new Box("箱1", 1), new Box("箱2", 1)), 2, 1));
        assertThat(reservations).containsExactly("released sp-1/batch-1/1");
    }

    @Test
    @DisplayName("§5.2, A.1.3 the packed batch ships with its item list; not before packing, not on a future date")
    void shipping() {
        List<ItemDescription> list = List.of(item("B1", "I"), item("B2", "K"));
        Object[] packed = {requested(), accepted(1, 1), new ItemsPicked(BATCH, POINT, list, 2),
                new BatchPacked(BATCH, POINT, List.of(new Box("箱1", 2)), 2, 0)};
        fixture.given(packed).andGivenCurrentTime(NOW)
                .when(new ShipBatch(BATCH, "市馆物流", "粤E·12345", LocalDate.of(2026, 11, 26)))
                .expectEvents(new BatchShipped(BATCH, POINT, "市馆物流", "粤E·12345", LocalDate.of(2026, 11, 26), list));
        fixture.given(packed).andGivenCurrentTime(NOW)
                .when(new ShipBatch(BATCH, "市馆物流", null, LocalDate.of(2026, 11, 27)))
                .expectException(violation("batch.shipped-in-future")).expectNoEvents();
        fixture.given(requested(), accepted(1, 1), new ItemsPicked(BATCH, POINT, list, 2)).andGivenCurrentTime(NOW)
                .when(new ShipBatch(BATCH, "市馆物流", null, LocalDate.of(2026, 11, 26)))
                .expectException(violation("batch.wrong-status")).expectNoEvents();
    }

    private static RequestBatch request(List<CategoryQuantity> wanted, Integer loanPeriodMonths) {
        return new RequestBatch(BATCH, POINT, wanted, DELIVERY, "学校图书室", loanPeriodMonths, null);
    }

    private static BatchRequested requested() {
        return new BatchRequested(BATCH, POINT, WANTED, 1000, DELIVERY, "学校图书室", 12, null);
    }

    @Test
    @DisplayName("§5.1 a live point requests kinds and quantities; the loan period defaults to the agreement's term (A.1.2)")
    void request() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(request(WANTED, null))
                .expectEvents(requested());
    }

    @Test
    @DisplayName("§5.1 no batch for a point that is not live, without an agreement in force, or without an active card")
    void onlyLivePointsRequest() {
        pointStatus = ServicePointStatus.APPROVED;
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(request(WANTED, null))
                .expectException(violation("batch.point-not-live")).expectNoEvents();
        pointStatus = ServicePointStatus.ACTIVE;
        agreementStatus = AgreementStatus.RETURN_PERIOD;
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(request(WANTED, null))
                .expectException(violation("batch.agreement-not-in-force")).expectNoEvents();
        agreementStatus = AgreementStatus.IN_FORCE;
        cardStatus = CardStatus.SUSPENDED;
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(request(WANTED, null))
                .expectException(violation("batch.card-not-active")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.1, A.1.2 a request beyond 2000 books, a repeated class, a past date or a loan period beyond the agreement is refused")
    void requestRules() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(request(List.of(new CategoryQuantity("I", 1500), new CategoryQuantity("K", 501)), null))
                .expectException(violation("batch.more-than-limit")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(request(List.of(new CategoryQuantity("I", 10), new CategoryQuantity("I", 20)), null))
                .expectException(violation("batch.category-repeated")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RequestBatch(BATCH, POINT, WANTED, LocalDate.of(2026, 11, 25), "x", null, null))
                .expectException(violation("batch.delivery-in-past")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(request(WANTED, 13))
                .expectException(violation("batch.loan-period-above-agreement")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.1, A.1.2 accepting reserves the total on the card, as asked or adjusted")
    void acceptReserves() {
        fixture.given(requested())
                .when(new AcceptBatch(BATCH, null, null))
                .expectEvents(new BatchAccepted(BATCH, POINT, WANTED, 1000, "card-" + POINT, null));
        List<CategoryQuantity> fewer = List.of(new CategoryQuantity("I", 400), new CategoryQuantity("K", 300));
        fixture.given(requested())
                .when(new AcceptBatch(BATCH, fewer, "Z 类库存不足"))
                .expectEvents(new BatchAccepted(BATCH, POINT, fewer, 700, "card-" + POINT, "Z 类库存不足"));
        assertThat(reservations).containsExactly("sp-1/batch-1/1000", "sp-1/batch-1/700");
    }

    @Test
    @DisplayName("A.1.2 accepting more than the card's free capacity is refused and nothing is stored")
    void acceptBeyondCapacity() {
        cardFree = 999;
        fixture.given(requested())
                .when(new AcceptBatch(BATCH, null, null))
                .expectException(violation("card.capacity-exceeded"))
                .expectNoEvents();
        assertThat(reservations).isEmpty();
    }

    @Test
    @DisplayName("§5.1 the library declines with a reason; a decided batch is not decided again")
    void decline() {
        fixture.given(requested())
                .when(new DeclineBatch(BATCH, "库存不足"))
                .expectEvents(new BatchDeclined(BATCH, POINT, "库存不足"));
        fixture.given(requested(), new BatchDeclined(BATCH, POINT, "库存不足"))
                .when(new AcceptBatch(BATCH, null, null))
                .expectException(violation("batch.decided")).expectNoEvents();
        fixture.given(requested(), new BatchAccepted(BATCH, POINT, WANTED, 1000, "card-" + POINT, null))
                .when(new DeclineBatch(BATCH, "x"))
                .expectException(violation("batch.decided")).expectNoEvents();
    }

    private Object[] shipped(List<ItemDescription> list) {
        return new Object[]{requested(), accepted(3, 1), new ItemsPicked(BATCH, POINT, list, list.size()),
                new BatchPacked(BATCH, POINT, List.of(new Box("箱1", list.size())), list.size(), 4 - list.size()),
                new BatchShipped(BATCH, POINT, "市馆物流", null, LocalDate.of(2026, 11, 20), list)};
    }

    private static final List<ItemDescription> THREE = List.of(item("B1", "I"), item("B2", "I"), item("B3", "K"));

    @Test
    @DisplayName("§5.2, A.2.2 receipt by scan: missing and extra items follow from the scan, damaged ones are noted, both handlers confirm")
    void receipt() {
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .when(new ConfirmReceipt(BATCH, POINT, LocalDate.of(2026, 11, 25), "王馆员", "李老师",
                        List.of("B1", "B3", "X9"), List.of(new ItemNote("B3", "封面撕裂"))))
                .expectResultMessagePayload(new ReceiptResult(2, List.of("B2"), List.of("X9"), List.of("B3")))
                .expectEvents(new BatchReceived(BATCH, POINT, LocalDate.of(2026, 11, 25), "王馆员", "李老师", 2),
                        new ReceiptDiscrepancyRecorded(BATCH, POINT, "B2", DiscrepancyKind.MISSING, null),
                        new ReceiptDiscrepancyRecorded(BATCH, POINT, "X9", DiscrepancyKind.EXTRA, null),
                        new ReceiptDiscrepancyRecorded(BATCH, POINT, "B3", DiscrepancyKind.DAMAGED_ON_ARRIVAL, "封面撕裂"),
                        new DueDateSet(BATCH, POINT, LocalDate.of(2027, 11, 25)));
    }

    @Test
    @DisplayName("§5.2 receipt refused: another point, before shipping, a date before shipping, damage noted on an item not received")
    void receiptRefusals() {
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .when(new ConfirmReceipt(BATCH, "sp-2", LocalDate.of(2026, 11, 25), "王", "李", List.of("B1"), null))
                .expectException(violation("batch.not-of-point")).expectNoEvents();
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .when(new ConfirmReceipt(BATCH, POINT, LocalDate.of(2026, 11, 19), "王", "李", List.of("B1"), null))
                .expectException(violation("batch.received-date-invalid")).expectNoEvents();
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .when(new ConfirmReceipt(BATCH, POINT, LocalDate.of(2026, 11, 25), "王", "李", List.of("B1"),
                        List.of(new ItemNote("B2", "湿"))))
                .expectException(violation("item.damaged-not-received")).expectNoEvents();
        fixture.given(requested(), accepted(3, 1)).andGivenCurrentTime(NOW)
                .when(new ConfirmReceipt(BATCH, POINT, LocalDate.of(2026, 11, 25), "王", "李", List.of("B1"), null))
                .expectException(violation("batch.wrong-status")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.2 a missing item written off leaves the batch: its card capacity and its claim are released")
    void writtenOffReleases() {
        claimed.put("B2", BATCH);
        fixture.given(shipped(THREE)).andGiven(new BatchReceived(BATCH, POINT, LocalDate.of(2026, 11, 25), "王", "李", 2),
                        new ReceiptDiscrepancyRecorded(BATCH, POINT, "B2", DiscrepancyKind.MISSING, null))
                .when(new ResolveDiscrepancy(BATCH, "B2", Resolution.WRITTEN_OFF, "运输中遗失"))
                .expectEvents(new ReceiptDiscrepancyResolved(BATCH, POINT, "B2", DiscrepancyKind.MISSING,
                        Resolution.WRITTEN_OFF, "运输中遗失"));
        assertThat(reservations).containsExactly("released sp-1/batch-1/1");
        assertThat(claimed).doesNotContainKey("B2");
    }

    @Test
    @DisplayName("§5.2 each kind of discrepancy has its own resolutions; a resolved one cannot be resolved again")
    void resolutionRules() {
        Object[] received = {new BatchReceived(BATCH, POINT, LocalDate.of(2026, 11, 25), "王", "李", 2),
                new ReceiptDiscrepancyRecorded(BATCH, POINT, "X9", DiscrepancyKind.EXTRA, null)};
        fixture.given(shipped(THREE)).andGiven(received)
                .when(new ResolveDiscrepancy(BATCH, "X9", Resolution.FOUND, null))
                .expectException(violation("batch.resolution-not-allowed")).expectNoEvents();
        fixture.given(shipped(THREE)).andGiven(received)
                .when(new ResolveDiscrepancy(BATCH, "X9", Resolution.RETURNED, "退回市馆"))
                .expectEvents(new ReceiptDiscrepancyResolved(BATCH, POINT, "X9", DiscrepancyKind.EXTRA,
                        Resolution.RETURNED, "退回市馆"));
        fixture.given(shipped(THREE)).andGiven(received)
                .andGiven(new ReceiptDiscrepancyResolved(BATCH, POINT, "X9", DiscrepancyKind.EXTRA, Resolution.RETURNED, null))
                .when(new ResolveDiscrepancy(BATCH, "X9", Resolution.RETURNED, null))
                .expectException(violation("batch.no-open-discrepancy")).expectNoEvents();
        assertThat(reservations).isEmpty();
    }

    private Object[] receivedThree() {
        List<Object> events = new ArrayList<>(List.of(shipped(THREE)));
        events.add(new BatchReceived(BATCH, POINT, LocalDate.of(2026, 11, 21), "王", "李", 3));
        events.add(new DueDateSet(BATCH, POINT, LocalDate.of(2027, 11, 21)));
        return events.toArray();
    }

    private ConfirmReceipt receiveAll() {
        return new ConfirmReceipt(BATCH, POINT, LocalDate.of(2026, 11, 21), "王", "李", List.of("B1", "B2", "B3"), null);
    }

    @Test
    @DisplayName("§5.4.1 the due date counts the loan period from receipt; reminders 30, 7 and 1 days before, then overdue, by durable deadlines")
    void remindersAndOverdue() {
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .whenThenTimeElapses(java.time.Duration.ofDays(366))
                .expectDeadlinesMet(new ReminderDue(BATCH, LocalDate.of(2027, 11, 21), 30),
                        new ReminderDue(BATCH, LocalDate.of(2027, 11, 21), 7),
                        new ReminderDue(BATCH, LocalDate.of(2027, 11, 21), 1),
                        new BatchDue(BATCH, LocalDate.of(2027, 11, 21)))
                .expectEvents(new DueReminderIssued(BATCH, POINT, LocalDate.of(2027, 11, 21), 30, 3),
                        new DueReminderIssued(BATCH, POINT, LocalDate.of(2027, 11, 21), 7, 3),
                        new DueReminderIssued(BATCH, POINT, LocalDate.of(2027, 11, 21), 1, 3),
                        new BatchOverdue(BATCH, POINT, LocalDate.of(2027, 11, 21), 3));
    }

    @Test
    @DisplayName("§5.4.1 receipt schedules two durable deadlines, the due date and the first reminder; each reminder schedules the next")
    void remindersChained() {
        LocalDate due = LocalDate.of(2027, 11, 21);
        Instant thirtyDays = Instant.parse("2027-10-21T16:00:00Z"); // 2027-10-22 00:00 library time
        Instant sevenDays = Instant.parse("2027-11-13T16:00:00Z");
        Instant oneDay = Instant.parse("2027-11-19T16:00:00Z");
        Instant overdue = Instant.parse("2027-11-21T16:00:00Z");
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .when(receiveAll())
                .expectScheduledDeadline(overdue, new BatchDue(BATCH, due))
                .expectScheduledDeadline(thirtyDays, new ReminderDue(BATCH, due, 30))
                .expectScheduledDeadlineWithName(thirtyDays, LoanBatch.CHAINED_REMINDER)
                .expectNoScheduledDeadlineWithName(thirtyDays, LoanBatch.REMINDER)
                .expectNoScheduledDeadline(sevenDays, new ReminderDue(BATCH, due, 7))
                .expectNoScheduledDeadline(oneDay, new ReminderDue(BATCH, due, 1));
        setUp();
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .whenTimeAdvancesTo(thirtyDays)
                .expectEvents(new DueReminderIssued(BATCH, POINT, due, 30, 3))
                .expectScheduledDeadline(sevenDays, new ReminderDue(BATCH, due, 7))
                .expectNoScheduledDeadline(oneDay, new ReminderDue(BATCH, due, 1))
                .expectScheduledDeadline(overdue, new BatchDue(BATCH, due));
        setUp();
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .whenTimeAdvancesTo(oneDay)
                .expectEvents(new DueReminderIssued(BATCH, POINT, due, 30, 3),
                        new DueReminderIssued(BATCH, POINT, due, 7, 3), new DueReminderIssued(BATCH, POINT, due, 1, 3))
                .expectScheduledDeadline(overdue, new BatchDue(BATCH, due));
        setUp();
        // a one-month loan received on 2026-11-21, due 2026-12-21: the 30-day reminder's time (2026-11-21) passed
        // before now, so the chain starts at the 7-day one
        Object[] oneMonth = shipped(THREE);
        oneMonth[0] = new BatchRequested(BATCH, POINT, WANTED, 1000, DELIVERY, "学校图书室", 1, null);
        fixture.given(oneMonth).andGivenCurrentTime(NOW)
                .when(receiveAll())
                .expectEvents(new BatchReceived(BATCH, POINT, LocalDate.of(2026, 11, 21), "王", "李", 3),
                        new DueDateSet(BATCH, POINT, LocalDate.of(2026, 12, 21)))
                .expectScheduledDeadline(Instant.parse("2026-12-13T16:00:00Z"),
                        new ReminderDue(BATCH, LocalDate.of(2026, 12, 21), 7))
                .expectNoScheduledDeadlineOfType(Instant.parse("2026-11-20T16:00:00Z"), ReminderDue.class);
        setUp();
        // returned before the first reminder: it fires stale and the chain ends there; the due deadline then
        // changes nothing either
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll(), new ReturnItems(BATCH, List.of("B1", "B2", "B3"),
                        LocalDate.of(2026, 11, 26)))
                .whenTimeAdvancesTo(overdue)
                .expectDeadlinesMet(new ReminderDue(BATCH, due, 30), new BatchDue(BATCH, due))
                .expectEvents()
                .expectNoScheduledDeadlines();
        setUp();
        // renewed: the new due date gets its own due deadline and chain; the old chain ends stale at its first link
        LocalDate renewedDue = LocalDate.of(2028, 11, 21);
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .when(new RenewBatch(BATCH, POINT))
                .expectScheduledDeadline(Instant.parse("2028-11-21T16:00:00Z"), new BatchDue(BATCH, renewedDue))
                .expectScheduledDeadline(Instant.parse("2028-10-21T16:00:00Z"), new ReminderDue(BATCH, renewedDue, 30));
    }

    @Test
    @DisplayName("§5.4.1 a reminder is issued once per due date: one that fires again reminds nobody but keeps its chain; a renewal's date is reminded anew")
    void reminderFiredTwice() {
        LocalDate due = LocalDate.of(2027, 11, 21);
        Instant thirtyDays = Instant.parse("2027-10-21T16:00:00Z");
        Instant sevenDays = Instant.parse("2027-11-13T16:00:00Z");
        // the 30-day reminder was issued, but its task runs again (and the 7-day one it scheduled may be lost)
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .andGiven(new DueReminderIssued(BATCH, POINT, due, 30, 3))
                .whenTimeAdvancesTo(thirtyDays)
                .expectDeadlinesMet(new ReminderDue(BATCH, due, 30))
                .expectEvents()
                .expectScheduledDeadline(sevenDays, new ReminderDue(BATCH, due, 7))
                .expectScheduledDeadline(Instant.parse("2027-11-21T16:00:00Z"), new BatchDue(BATCH, due));
        setUp();
        // every reminder issued, and the 1-day one runs again: nothing issued, nothing left to schedule
        Instant oneDay = Instant.parse("2027-11-19T16:00:00Z");
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .andGiven(new DueReminderIssued(BATCH, POINT, due, 30, 3), new DueReminderIssued(BATCH, POINT, due, 7, 3),
                        new DueReminderIssued(BATCH, POINT, due, 1, 3))
                .whenTimeAdvancesTo(oneDay)
                .expectDeadlinesMet(new ReminderDue(BATCH, due, 30), new ReminderDue(BATCH, due, 7),
                        new ReminderDue(BATCH, due, 1))
                .expectEvents()
                .expectScheduledDeadline(Instant.parse("2027-11-21T16:00:00Z"), new BatchDue(BATCH, due))
                .expectNoScheduledDeadlineMatching(messageWithPayload(org.hamcrest.Matchers.any(ReminderDue.class)));
        setUp();
        // reminded 30 days before the first due date, then renewed: the new date's 30-day reminder is issued
        LocalDate renewedDue = LocalDate.of(2028, 11, 21);
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .andGiven(new DueReminderIssued(BATCH, POINT, due, 30, 3))
                .andGivenCommands(new RenewBatch(BATCH, POINT))
                .whenTimeAdvancesTo(Instant.parse("2028-10-21T16:00:00Z"))
                .expectEvents(new DueReminderIssued(BATCH, POINT, renewedDue, 30, 3));
    }

    @Test
    @DisplayName("A.2.4 whole-batch renewal before the due date moves it by a loan period; the old reminders then change nothing")
    void renewal() {
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll(), new RenewBatch(BATCH, POINT))
                .whenThenTimeElapses(java.time.Duration.ofDays(366))
                .expectEvents(); // all deadlines met were for the old due date: stale
        setUp();
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll())
                .when(new RenewBatch(BATCH, POINT))
                .expectEvents(new BatchRenewed(BATCH, POINT, LocalDate.of(2027, 11, 21), LocalDate.of(2028, 11, 21), 1));
        setUp();
        fixture.given(shipped(THREE)).andGivenCurrentTime(NOW)
                .andGivenCommands(receiveAll(), new RenewBatch(BATCH, POINT))
                .when(new RenewBatch(BATCH, POINT))
                .expectException(violation("batch.renewals-exhausted")).expectNoEvents();
        setUp();
        fixture.given(receivedThree()).andGiven(new BatchOverdue(BATCH, POINT, LocalDate.of(2027, 11, 21), 3))
                .andGivenCurrentTime(Instant.parse("2027-11-25T02:00:00Z"))
                .when(new RenewBatch(BATCH, POINT))
                .expectException(violation("batch.renewal-too-late")).expectNoEvents();
    }

    @Test
    @DisplayName("A.2.4 items returned after the due date are fined by the agreement's fine table (0.10 元 per item per day, capped at 5.00)")
    void overdueFine() {
        fixture.given(receivedThree()).andGivenCurrentTime(Instant.parse("2027-12-31T02:00:00Z"))
                .when(new ReturnItems(BATCH, List.of("B1", "B2"), LocalDate.of(2027, 12, 1)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(e -> e instanceof ItemsReturned),
                        // 10 days late: 2 items × 10 days × 0.10 = 2.00 元
                        matches(e -> e instanceof OverdueFineAssessed f && f.assessment().overdueDays() == 10
                                && f.assessment().total().compareTo(new BigDecimal("2.00")) == 0),
                        andNoMore())));
        setUp();
        fixture.given(receivedThree()).andGivenCurrentTime(Instant.parse("2027-12-31T02:00:00Z"))
                .when(new ReturnItems(BATCH, List.of("B1"), LocalDate.of(2027, 11, 21)))
                .expectEvents(new ItemsReturned(BATCH, POINT, List.of("B1"), LocalDate.of(2027, 11, 21), 1));
    }

    @Test
    @DisplayName("§5.4.1, A.1.1 items come back in several shipments; a barcode unknown to the batch cannot be returned into it")
    void returns() {
        fixture.given(receivedThree()).andGivenCurrentTime(NOW)
                .when(new ReturnItems(BATCH, List.of("B1", "B2"), LocalDate.of(2026, 11, 25)))
                .expectEvents(new ItemsReturned(BATCH, POINT, List.of("B1", "B2"), LocalDate.of(2026, 11, 25), 2));
        fixture.given(receivedThree()).andGiven(new ItemsReturned(BATCH, POINT, List.of("B1", "B2"), LocalDate.of(2026, 11, 25), 2))
                .andGivenCurrentTime(NOW)
                .when(new ReturnItems(BATCH, List.of("B2", "B3"), LocalDate.of(2026, 11, 26)))
                .expectEvents(new ItemsReturned(BATCH, POINT, List.of("B3"), LocalDate.of(2026, 11, 26), 3),
                        new BatchReturned(BATCH, POINT, LocalDate.of(2026, 11, 26)));
        fixture.given(receivedThree()).andGivenCurrentTime(NOW)
                .when(new ReturnItems(BATCH, List.of("B1", "ZZ9"), LocalDate.of(2026, 11, 25)))
                .expectException(violation("item.not-in-batch")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.4.2, A.2.5 a damaged item is charged by the compensation table, a lost one by list price × its year band + fee")
    void inspectionAssessesCompensation() {
        claimed.put("B1", BATCH);
        fixture.given(receivedThree()).andGiven(new ItemsReturned(BATCH, POINT, List.of("B1", "B2"), LocalDate.of(2026, 11, 25), 2))
                .andGivenCurrentTime(NOW)
                .when(new InspectItems(BATCH, List.of(new Inspection("B1", InspectionOutcome.INTACT, null, null, null),
                        new Inspection("B2", InspectionOutcome.DAMAGED, DamageSeverity.MINOR, null, "涂写"),
                        new Inspection("B3", InspectionOutcome.LOST, null, null, "学生遗失"))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(e -> e instanceof ItemInspected i && i.barcode().equals("B1")),
                        matches(e -> e instanceof ItemInspected i && i.barcode().equals("B2")),
                        matches(e -> e instanceof DamageRecorded d && d.barcode().equals("B2")),
                        // minor damage: 5.00 元 flat (default table)
                        matches(e -> e instanceof CompensationAssessed c && c.barcode().equals("B2")
                                && c.assessment().amount().compareTo(new BigDecimal("5.00")) == 0),
                        matches(e -> e instanceof ItemInspected i && i.barcode().equals("B3")),
                        matches(e -> e instanceof DamageRecorded d && d.barcode().equals("B3")),
                        // lost, published 2020: 28.00 × 2 + 10.00 fee = 66.00 元
                        matches(e -> e instanceof CompensationAssessed c && c.barcode().equals("B3")
                                && c.assessment().amount().compareTo(new BigDecimal("66.00")) == 0),
                        matches(e -> e instanceof BatchReturned),
                        matches(e -> e instanceof BatchClosed c && c.intact() == 1 && c.damaged() == 1 && c.lost() == 1
                                && c.compensationAssessed().compareTo(new BigDecimal("71.00")) == 0),
                        andNoMore())));
        assertThat(reservations).containsExactly("released sp-1/batch-1/3");
        assertThat(claimed).doesNotContainKey("B1");
    }

    @Test
    @DisplayName("§5.4.2 inspection refused, naming each item: lost but returned, intact but not returned, damage without severity, twice")
    void inspectionRefusals() {
        fixture.given(receivedThree()).andGiven(new ItemsReturned(BATCH, POINT, List.of("B1"), LocalDate.of(2026, 11, 25), 1))
                .andGivenCurrentTime(NOW)
                .when(new InspectItems(BATCH, List.of(new Inspection("B1", InspectionOutcome.LOST, null, null, null),
                        new Inspection("B2", InspectionOutcome.INTACT, null, null, null),
                        new Inspection("B1", InspectionOutcome.DAMAGED, null, null, null))))
                .expectException(violation("batch.inspection-refused")).expectNoEvents();
        assertThat(reservations).isEmpty();
    }

    @Test
    @DisplayName("A.1.1 the batch closes only when every item is accounted for")
    void closesOnlyWhenAllAccountedFor() {
        fixture.given(receivedThree()).andGiven(new ItemsReturned(BATCH, POINT, List.of("B1", "B2"), LocalDate.of(2026, 11, 25), 2))
                .andGivenCurrentTime(NOW)
                .when(new InspectItems(BATCH, List.of(new Inspection("B1", InspectionOutcome.INTACT, null, null, null))))
                .expectEvents(new ItemInspected(BATCH, POINT, "B1", InspectionOutcome.INTACT, null, null));
        assertThat(reservations).isEmpty();
    }

    @Test
    @DisplayName("§5.4.2, A.2.5 an assessed compensation is paid, replaced or waived with a reason, once")
    void settlement() {
        List<Object> assessed = new ArrayList<>(List.of(receivedThree()));
        assessed.add(new ItemsReturned(BATCH, POINT, List.of("B1", "B2", "B3"), LocalDate.of(2026, 11, 25), 3));
        assessed.add(new ItemInspected(BATCH, POINT, "B2", InspectionOutcome.DAMAGED, DamageSeverity.MINOR, null));
        assessed.add(new CompensationAssessed(BATCH, POINT, "B2", RuleSets.bundled().compensation(RuleSets.COMPENSATION_STANDARD)
                .assess(CompensationItem.damaged(new BigDecimal("28.00"), 2020, DamageSeverity.MINOR))));
        fixture.given(assessed.toArray())
                .when(new SettleCompensation(BATCH, "B2", SettlementKind.WAIVED, null))
                .expectException(violation("batch.waiver-needs-reason")).expectNoEvents();
        fixture.given(assessed.toArray())
                .when(new SettleCompensation(BATCH, "B2", SettlementKind.PAID, null))
                .expectEvents(new CompensationSettled(BATCH, POINT, "B2", SettlementKind.PAID, new BigDecimal("5.00"), null));
        fixture.given(assessed.toArray())
                .when(new SettleCompensation(BATCH, "B1", SettlementKind.PAID, null))
                .expectException(violation("batch.no-compensation")).expectNoEvents();
        assessed.add(new CompensationSettled(BATCH, POINT, "B2", SettlementKind.PAID, new BigDecimal("5.00"), null));
        fixture.given(assessed.toArray())
                .when(new SettleCompensation(BATCH, "B2", SettlementKind.PAID, null))
                .expectException(violation("batch.compensation-settled")).expectNoEvents();
    }

    /** Three items received, B1 and B2 back, B3 inspected as lost (2001 edition at 30.00: 30.00 × 2 + 10.00 = 70.00). */
    private List<Object> lostB3() {
        List<Object> events = new ArrayList<>(List.of(receivedThree()));
        events.add(new ItemsReturned(BATCH, POINT, List.of("B1", "B2"), LocalDate.of(2026, 11, 20), 2));
        events.add(new ItemInspected(BATCH, POINT, "B3", InspectionOutcome.LOST, null, null));
        events.add(new CompensationAssessed(BATCH, POINT, "B3", RuleSets.bundled()
                .compensation(RuleSets.COMPENSATION_STANDARD).assess(CompensationItem.lost(new BigDecimal("30.00"), 2001))));
        return events;
    }

    @Test
    @DisplayName("§5.4.2 a lost book found after its compensation was paid: the compensation is owed back, once")
    void lostItemFoundAfterPayment() {
        List<Object> paid = lostB3();
        paid.add(new CompensationSettled(BATCH, POINT, "B3", SettlementKind.PAID, new BigDecimal("70.00"), null));
        fixture.given(paid.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordLostItemFound(BATCH, "B3", LocalDate.of(2026, 11, 25), "在阅览室找到"))
                .expectEvents(new LostItemFound(BATCH, POINT, "B3", LocalDate.of(2026, 11, 25),
                        RefundDisposition.REFUND_OWED, new BigDecimal("70.00"), new BigDecimal("0.00"), "在阅览室找到"));
        paid.add(new LostItemFound(BATCH, POINT, "B3", LocalDate.of(2026, 11, 25), RefundDisposition.REFUND_OWED,
                new BigDecimal("70.00"), new BigDecimal("0.00"), null));
        fixture.given(paid.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordRefundPaid(BATCH, "B3", LocalDate.of(2026, 11, 26)))
                .expectEvents(new RefundPaid(BATCH, POINT, "B3", new BigDecimal("70.00"), LocalDate.of(2026, 11, 26)));
        fixture.given(paid.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordLostItemFound(BATCH, "B3", LocalDate.of(2026, 11, 26), null))
                .expectException(violation("item.found-already")).expectNoEvents();
        paid.add(new RefundPaid(BATCH, POINT, "B3", new BigDecimal("70.00"), LocalDate.of(2026, 11, 26)));
        fixture.given(paid.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordRefundPaid(BATCH, "B3", LocalDate.of(2026, 11, 26)))
                .expectException(violation("batch.no-refund-owed")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.4.2 a lost book found before paying: the refundable part is deducted and what is left is settled")
    void lostItemFoundBeforePayment() {
        fixture.given(lostB3().toArray()).andGivenCurrentTime(NOW)
                .when(new RecordLostItemFound(BATCH, "B3", LocalDate.of(2026, 11, 25), null))
                .expectEvents(new LostItemFound(BATCH, POINT, "B3", LocalDate.of(2026, 11, 25),
                        RefundDisposition.DEDUCTED, new BigDecimal("70.00"), new BigDecimal("0.00"), null));
        List<Object> foundInFull = lostB3();
        foundInFull.add(new LostItemFound(BATCH, POINT, "B3", LocalDate.of(2026, 11, 25), RefundDisposition.DEDUCTED,
                new BigDecimal("70.00"), new BigDecimal("0.00"), null));
        fixture.given(foundInFull.toArray())
                .when(new SettleCompensation(BATCH, "B3", SettlementKind.PAID, null))
                .expectException(violation("batch.nothing-due")).expectNoEvents();
        // a rule set that keeps the processing fee: 10.00 is still due, and that is what gets settled
        List<Object> feeKept = lostB3();
        feeKept.add(new LostItemFound(BATCH, POINT, "B3", LocalDate.of(2026, 11, 25), RefundDisposition.DEDUCTED,
                new BigDecimal("60.00"), new BigDecimal("10.00"), null));
        fixture.given(feeKept.toArray())
                .when(new SettleCompensation(BATCH, "B3", SettlementKind.PAID, null))
                .expectEvents(new CompensationSettled(BATCH, POINT, "B3", SettlementKind.PAID, new BigDecimal("10.00"), null));
        fixture.given(foundInFull.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordRefundPaid(BATCH, "B3", LocalDate.of(2026, 11, 26)))
                .expectException(violation("batch.no-refund-owed")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.4.2 a waived compensation refunds nothing; only an item inspected as lost can be found, not in the future")
    void lostItemFoundRefusalsAndWaiver() {
        List<Object> waived = lostB3();
        waived.add(new CompensationSettled(BATCH, POINT, "B3", SettlementKind.WAIVED, new BigDecimal("70.00"), "贫困学校"));
        fixture.given(waived.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordLostItemFound(BATCH, "B3", LocalDate.of(2026, 11, 25), null))
                .expectEvents(new LostItemFound(BATCH, POINT, "B3", LocalDate.of(2026, 11, 25),
                        RefundDisposition.NONE, new BigDecimal("0.00"), new BigDecimal("0.00"), null));
        fixture.given(lostB3().toArray()).andGivenCurrentTime(NOW)
                .when(new RecordLostItemFound(BATCH, "B1", LocalDate.of(2026, 11, 25), null))
                .expectException(violation("item.not-lost")).expectNoEvents();
        fixture.given(lostB3().toArray()).andGivenCurrentTime(NOW)
                .when(new RecordLostItemFound(BATCH, "ZZ9", LocalDate.of(2026, 11, 25), null))
                .expectException(violation("item.not-lost")).expectNoEvents();
        fixture.given(lostB3().toArray()).andGivenCurrentTime(NOW)
                .when(new RecordLostItemFound(BATCH, "B3", LocalDate.of(2026, 11, 27), null))
                .expectException(violation("batch.date-in-future")).expectNoEvents();
    }

    private static org.hamcrest.Matcher<Object> matches(java.util.function.Predicate<Object> predicate) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object payload) {
                return predicate.test(payload);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("an event as expected");
            }
        };
    }

    @Test
    @DisplayName("§5.3.1 the point lends items at the point to a reader, renews and takes them back")
    void circulation() {
        fixture.given(receivedThree()).andGivenCurrentTime(NOW)
                .when(new LendItems(BATCH, POINT, "R-0042", List.of("B1", "B2"), LocalDate.of(2026, 11, 26)))
                .expectEvents(new ItemLent(BATCH, POINT, "B1", "R-0042", LocalDate.of(2026, 11, 26)),
                        new ItemLent(BATCH, POINT, "B2", "R-0042", LocalDate.of(2026, 11, 26)));
        fixture.given(receivedThree()).andGiven(new ItemLent(BATCH, POINT, "B1", "R-0042", LocalDate.of(2026, 11, 22)))
                .andGivenCurrentTime(NOW)
                .when(new RenewItemLoan(BATCH, POINT, "B1", LocalDate.of(2026, 11, 26)))
                .expectEvents(new ItemRenewed(BATCH, POINT, "B1", "R-0042", LocalDate.of(2026, 11, 26)));
        fixture.given(receivedThree()).andGiven(new ItemLent(BATCH, POINT, "B1", "R-0042", LocalDate.of(2026, 11, 22)))
                .andGivenCurrentTime(NOW)
                .when(new TakeBackItems(BATCH, POINT, List.of("B1"), LocalDate.of(2026, 11, 26)))
                .expectEvents(new ItemReturnedInPoint(BATCH, POINT, "B1", "R-0042", LocalDate.of(2026, 11, 26)));
    }

    @Test
    @DisplayName("§5.3.1 refused: an item already out with a reader, one missing on receipt, one not lent; and no return to the library while out")
    void circulationRefusals() {
        Object[] lent = {new ItemLent(BATCH, POINT, "B1", "R-1", LocalDate.of(2026, 11, 22))};
        fixture.given(receivedThree()).andGiven(lent).andGivenCurrentTime(NOW)
                .when(new LendItems(BATCH, POINT, "R-2", List.of("B1"), LocalDate.of(2026, 11, 26)))
                .expectException(violation("item.cannot-lend")).expectNoEvents();
        fixture.given(receivedThree()).andGiven(new ReceiptDiscrepancyRecorded(BATCH, POINT, "B3", DiscrepancyKind.MISSING, null))
                .andGivenCurrentTime(NOW)
                .when(new LendItems(BATCH, POINT, "R-2", List.of("B3"), LocalDate.of(2026, 11, 26)))
                .expectException(violation("item.cannot-lend")).expectNoEvents();
        fixture.given(receivedThree()).andGivenCurrentTime(NOW)
                .when(new TakeBackItems(BATCH, POINT, List.of("B2"), LocalDate.of(2026, 11, 26)))
                .expectException(violation("item.not-lent")).expectNoEvents();
        fixture.given(receivedThree()).andGiven(lent).andGivenCurrentTime(NOW)
                .when(new ReturnItems(BATCH, List.of("B1", "B2"), LocalDate.of(2026, 11, 26)))
                .expectException(violation("item.lent-to-reader")).expectNoEvents();
    }

    @Test
    @DisplayName("§5.3.1 another point cannot lend, take back or renew items of this point's batch")
    void circulationByAnotherPoint() {
        Object[] lent = {new ItemLent(BATCH, POINT, "B1", "R-1", LocalDate.of(2026, 11, 22))};
        fixture.given(receivedThree()).andGivenCurrentTime(NOW)
                .when(new LendItems(BATCH, "sp-2", "R-2", List.of("B2"), LocalDate.of(2026, 11, 26)))
                .expectException(violation("batch.not-of-point")).expectNoEvents();
        fixture.given(receivedThree()).andGiven(lent).andGivenCurrentTime(NOW)
                .when(new TakeBackItems(BATCH, "sp-2", List.of("B1"), LocalDate.of(2026, 11, 26)))
                .expectException(violation("batch.not-of-point")).expectNoEvents();
        fixture.given(receivedThree()).andGiven(lent).andGivenCurrentTime(NOW)
                .when(new RenewItemLoan(BATCH, "sp-2", "B1", LocalDate.of(2026, 11, 26)))
                .expectException(violation("batch.not-of-point")).expectNoEvents();
    }
}
