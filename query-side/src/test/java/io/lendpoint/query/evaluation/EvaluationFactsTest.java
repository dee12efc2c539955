package io.lendpoint.query.evaluation;

import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.DiscrepancyKind;
import io.lendpoint.api.loanbatch.DueDateSet;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.ItemLent;
import io.lendpoint.api.loanbatch.ItemsReturned;
import io.lendpoint.api.loanbatch.ReceiptDiscrepancyRecorded;
import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.evaluation.MetricValue;
import io.lendpoint.api.evaluation.PointEvaluation;
import io.lendpoint.api.evaluation.PointEvaluationQuery;
import io.lendpoint.api.loanbatch.InspectionOutcome;
import io.lendpoint.api.loanbatch.ItemInspected;
import io.lendpoint.api.operations.RefreshCarriedOut;
import io.lendpoint.api.operations.RefreshMissed;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProcessingBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationFactsTest {

    private static final LocalDate SHIPPED = LocalDate.of(2026, 11, 1);

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;
    private EvaluationFacts facts;

    @BeforeEach
    void start() {
        mongo = store.template("facts-test");
        facts = new EvaluationFacts(mongo);
    }

    private static ItemDescription item(String barcode) {
        return new ItemDescription(barcode, "书", null, "I", new BigDecimal("30.00"), 2015);
    }

    private long sequence;

    /** The next event of batch b1, as the event store delivers it. */
    private <T> DomainEventMessage<T> ofBatch(T event) {
        return new GenericDomainEventMessage<>("LoanBatch", "b1", sequence++, event);
    }

    @Test
    @DisplayName("§7.1 facts are stored once per event, deposit days follow receipt, a missing item is not on deposit, returns count on time")
    void idempotentFacts() {
        BatchShipped shipped = new BatchShipped("b1", "sp-1", "物流", null, SHIPPED,
                List.of(item("A"), item("B"), item("C")));
        facts.on(shipped, ofBatch(shipped));
        BatchReceived received = new BatchReceived("b1", "sp-1", SHIPPED.plusDays(1), "王", "李", 2);
        DomainEventMessage<BatchReceived> receivedMessage = ofBatch(received);
        facts.on(received, receivedMessage);
        ReceiptDiscrepancyRecorded missing = new ReceiptDiscrepancyRecorded("b1", "sp-1", "C",
                DiscrepancyKind.MISSING, null);
        facts.on(missing, ofBatch(missing));
        facts.on(received, receivedMessage); // redelivered after the discrepancy: C stays missing
        facts.on(new DueDateSet("b1", "sp-1", SHIPPED.plusDays(20)));
        ItemLent lent = new ItemLent("b1", "sp-1", "A", "R-1", SHIPPED.plusDays(2));
        DomainEventMessage<ItemLent> lentMessage = ofBatch(lent);
        facts.on(lent, lentMessage);
        facts.on(lent, lentMessage); // redelivered
        ItemsReturned back = new ItemsReturned("b1", "sp-1", List.of("A", "B"), SHIPPED.plusDays(25), 2);
        facts.on(back, ofBatch(back));

        List<Fact> stored = EvaluationDay.of(mongo, "sp-1", SHIPPED, SHIPPED.plusDays(30));
        assertThat(stored).extracting(Fact::kind).containsExactlyInAnyOrder(FactKind.LOAN, FactKind.RETURN);
        Fact returned = stored.stream().filter(f -> f.kind() == FactKind.RETURN).findFirst().orElseThrow();
        assertThat(returned.count()).isEqualTo(2);
        assertThat(returned.good()).as("returned after the due date").isZero();
        List<DepositItem> deposit = PointDeposits.itemsAt(mongo, "sp-1");
        DepositItem.attachLoans(deposit, stored);
        assertThat(deposit).extracting(DepositItem::key).containsExactly("b1/A", "b1/B", "b1/C");
        DepositItem a = deposit.get(0);
        assertThat(a.from).isEqualTo(SHIPPED.plusDays(1));
        assertThat(a.to).isEqualTo(SHIPPED.plusDays(25));
        assertThat(a.lentOn).containsExactly(SHIPPED.plusDays(2));
        assertThat(deposit.get(2).from).isNull();
        assertThat(EvaluationDay.of(mongo, "sp-2", SHIPPED, SHIPPED.plusDays(30))).as("another point's").isEmpty();
    }

    @Test
    @DisplayName("§7.1 a point's evaluation reads its own days and batches by key, and counts what the events say")
    void evaluationFromStoredFacts() {
        mongo.save(new EvaluatedPoint("sp-1", "第一小学", "禅城区", 100));
        BatchShipped shipped = new BatchShipped("b1", "sp-1", "物流", null, SHIPPED,
                List.of(item("A"), item("B"), item("C"), item("D")));
        facts.on(shipped, ofBatch(shipped));
        BatchReceived received = new BatchReceived("b1", "sp-1", SHIPPED, "王", "李", 1);
        facts.on(received, ofBatch(received));
        for (String barcode : List.of("A", "B")) {
            ItemLent lent = new ItemLent("b1", "sp-1", barcode, "R-" + barcode, SHIPPED.plusDays(3));
            facts.on(lent, ofBatch(lent));
        }
        ItemInspected lost = new ItemInspected("b1", "sp-1", "D", InspectionOutcome.LOST, null, null);
        facts.on(lost, new GenericDomainEventMessage<>("LoanBatch", "b1", sequence++, lost, MetaData.emptyInstance(),
                "lost-d", SHIPPED.plusDays(9).atStartOfDay(LibraryTime.ZONE).toInstant()));
        // the same kind of history at another point, which must not count here
        BatchShipped elsewhere = new BatchShipped("b2", "sp-2", "物流", null, SHIPPED, List.of(item("Z")));
        facts.on(elsewhere, new GenericDomainEventMessage<>("LoanBatch", "b2", 0, elsewhere));
        ItemLent lentElsewhere = new ItemLent("b2", "sp-2", "Z", "R-Z", SHIPPED.plusDays(3));
        facts.on(lentElsewhere, new GenericDomainEventMessage<>("LoanBatch", "b2", 1, lentElsewhere));

        Evaluator evaluator = new Evaluator(mongo, new EvaluationPolicy(
                EvaluationPolicyConfig.parse(EvaluationPolicyConfig.DEFAULT_WEIGHTS), 2.0, 1.0),
                new KeptCounts(mongo, 8));
        PointEvaluation evaluation = evaluator.handle(new PointEvaluationQuery("sp-1", SHIPPED, SHIPPED.plusDays(9)))
                .orElseThrow();

        MetricValue notUsed = evaluation.metrics().stream().filter(m -> m.code().equals("collection.not-used-share"))
                .findFirst().orElseThrow();
        // A and B lent; C never lent; D on deposit until it was found lost on day 9, never lent: 2 of 4 not used
        assertThat(notUsed.value()).isEqualTo(0.5);
        MetricValue perReader = evaluation.metrics().stream().filter(m -> m.code().equals("loans.per-active-reader"))
                .findFirst().orElseThrow();
        assertThat(perReader.counts()).containsEntry("loans", 2L).containsEntry("borrowers", 2L);
    }

    @Test
    @DisplayName("§6.2 a refresh missed and then carried out counts once, as carried out late")
    void refreshCountsOnce() {
        LocalDate due = LocalDate.of(2026, 10, 1);
        facts.on(new RefreshMissed("rp-1", "sp-1", due));
        facts.on(new RefreshCarriedOut("rp-1", "sp-1", due, due.plusDays(40), false, null, null, null));
        facts.on(new RefreshMissed("rp-1", "sp-1", due)); // redelivered: does not undo the carrying out

        List<Fact> stored = EvaluationDay.of(mongo, "sp-1", due, due);
        assertThat(stored).singleElement().satisfies(fact -> {
            assertThat(fact.kind()).isEqualTo(FactKind.REFRESH);
            assertThat(fact.good()).isZero();
        });
    }

    @Test
    @DisplayName("§6.2 in one processing batch, a refresh carried out on time and its missed notice redelivered after it"
            + " count once, on time: the notice reads the batch's earlier write")
    void refreshInOneBatch() {
        LocalDate due = LocalDate.of(2026, 10, 1);
        List<EventMessage<?>> batch = List.of(
                GenericEventMessage.asEventMessage(new RefreshCarriedOut("rp-1", "sp-1", due, due.plusDays(2), true,
                        null, null, null)),
                GenericEventMessage.asEventMessage(new RefreshMissed("rp-1", "sp-1", due)));

        ResultMessage<?> result = new ProcessingBatch().run(batch, message -> {
            if (message.getPayload() instanceof RefreshCarriedOut carried) {
                facts.on(carried);
            } else {
                facts.on((RefreshMissed) message.getPayload());
            }
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(EvaluationDay.of(mongo, "sp-1", due, due)).singleElement()
                .satisfies(fact -> assertThat(fact.good()).isOne());
    }
}
