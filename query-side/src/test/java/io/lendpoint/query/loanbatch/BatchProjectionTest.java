package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.BatchAccepted;
import io.lendpoint.api.loanbatch.BatchDeclined;
import io.lendpoint.api.loanbatch.BatchDetailQuery;
import io.lendpoint.api.loanbatch.BatchPage;
import io.lendpoint.api.loanbatch.BatchRequested;
import io.lendpoint.api.loanbatch.BatchStatus;
import io.lendpoint.api.loanbatch.BatchView;
import io.lendpoint.api.loanbatch.CategoryQuantity;
import io.lendpoint.api.loanbatch.PointBatchesQuery;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.InspectionOutcome;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.BatchItemsQuery;
import io.lendpoint.api.loanbatch.ItemsUnpicked;
import io.lendpoint.api.loanbatch.ItemsPicked;
import io.lendpoint.api.loanbatch.ItemInspected;
import io.lendpoint.api.loanbatch.ItemsReturned;
import io.lendpoint.api.loanbatch.PointOutstanding;
import io.lendpoint.api.loanbatch.PointOutstandingQuery;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProjectionFixture;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchProjectionTest {

    private static final List<CategoryQuantity> WANTED = List.of(new CategoryQuantity("I", 600),
            new CategoryQuantity("K", 400));

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private BatchProjection projection;
    private ProjectionFixture events;

    @BeforeEach
    void start() {
        projection = new BatchProjection(store.template("batch-test"));
        events = new ProjectionFixture(projection, "LoanBatch");
    }

    private void requested(String batchId, String point) {
        events.deliver(batchId, new BatchRequested(batchId, point, WANTED, 1000, LocalDate.of(2026, 12, 15), "图书室", 12,
                null), MetaData.emptyInstance());
    }

    @Test
    @DisplayName("§5.1 request and decision are projected once, however often they are delivered")
    void idempotent() {
        requested("b1", "sp-1");
        events.deliver("b1", new BatchAccepted("b1", "sp-1", List.of(new CategoryQuantity("I", 600)), 600, "card-sp-1",
                "K 类缺货"), MetaData.emptyInstance());
        BatchView once = projection.handle(new BatchDetailQuery("b1")).orElseThrow();
        events.stream().forEach(events::redeliver);
        events.stream().forEach(events::redeliver);
        assertThat(projection.handle(new BatchDetailQuery("b1")).orElseThrow()).isEqualTo(once);
        assertThat(once.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(once.wantedTotal()).isEqualTo(1000);
        assertThat(once.acceptedTotal()).isEqualTo(600);
        assertThat(once.decisionNote()).isEqualTo("K 类缺货");
        assertThat(once.version()).isEqualTo(1);
    }

    @Test
    @DisplayName("§5.2 the item list is kept beside the batch, once however often delivered; unpicked items leave it")
    void itemListApart() {
        requested("b1", "sp-1");
        events.deliver("b1", new ItemsPicked("b1", "sp-1", List.of(item("X1"), item("X2")), 2), MetaData.emptyInstance());
        events.deliver("b1", new ItemsPicked("b1", "sp-1", List.of(item("X3")), 3), MetaData.emptyInstance());
        events.deliver("b1", new ItemsUnpicked("b1", "sp-1", List.of("X2"), 2), MetaData.emptyInstance());
        events.stream().forEach(events::redeliver);
        assertThat(projection.handle(new BatchItemsQuery("b1")).orElseThrow().items())
                .extracting(ItemDescription::barcode).containsExactly("X1", "X3");
        BatchView batch = projection.handle(new BatchDetailQuery("b1")).orElseThrow();
        assertThat(batch.pickedTotal()).isEqualTo(2);
        assertThat(batch.status()).isEqualTo(BatchStatus.PICKING);
    }

    @Test
    @DisplayName("§5.2 a batch's items show each item's state now, and the items written off its list; an item picked "
            + "into a later batch shows there, not here")
    void itemStates() {
        ItemLocations locations = new ItemLocations(store.template("batch-test"));
        ProjectionFixture both = new ProjectionFixture(new Object() {
            @org.axonframework.eventhandling.EventHandler
            void on(Object event, org.axonframework.eventhandling.DomainEventMessage<?> message) throws Exception {
                new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(projection).handle(message);
                new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(locations).handle(message);
            }
        }, "LoanBatch");
        LocalDate day = LocalDate.of(2026, 3, 2);
        both.deliver("b1", new BatchRequested("b1", "sp-1", WANTED, 1000, LocalDate.of(2026, 12, 15), "图书室", 12,
                null), MetaData.emptyInstance());
        both.deliver("b1", new ItemsPicked("b1", "sp-1", List.of(item("X1"), item("X2"), item("X3")), 3),
                MetaData.emptyInstance());
        both.deliver("b1", new ItemsUnpicked("b1", "sp-1", List.of("X2"), 2), MetaData.emptyInstance());
        both.deliver("b1", new BatchShipped("b1", "sp-1", "馆车", null, day, List.of(item("X1"), item("X3"))),
                MetaData.emptyInstance());
        both.deliver("b1", new io.lendpoint.api.loanbatch.BatchReceived("b1", "sp-1", day, "王", "李", 1),
                MetaData.emptyInstance());
        both.deliver("b1", new io.lendpoint.api.loanbatch.ReceiptDiscrepancyRecorded("b1", "sp-1", "X3",
                io.lendpoint.api.loanbatch.DiscrepancyKind.MISSING, null), MetaData.emptyInstance());
        both.deliver("b1", new io.lendpoint.api.loanbatch.ReceiptDiscrepancyResolved("b1", "sp-1", "X3",
                io.lendpoint.api.loanbatch.DiscrepancyKind.MISSING, io.lendpoint.api.loanbatch.Resolution.WRITTEN_OFF,
                null), MetaData.emptyInstance());

        io.lendpoint.api.loanbatch.BatchItems b1 = projection.handle(new BatchItemsQuery("b1")).orElseThrow();
        assertThat(b1.items()).extracting(ItemDescription::barcode).containsExactly("X1");
        assertThat(b1.states()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("X1", "AT_POINT",
                "X3", "WRITTEN_OFF"));

        both.deliver("b1", new ItemsReturned("b1", "sp-1", List.of("X1"), day.plusDays(30), 1),
                MetaData.emptyInstance());
        both.deliver("b2", new BatchRequested("b2", "sp-2", WANTED, 1000, LocalDate.of(2026, 12, 15), "图书室", 12,
                null), MetaData.emptyInstance());
        both.deliver("b2", new ItemsPicked("b2", "sp-2", List.of(item("X1")), 1), MetaData.emptyInstance());
        assertThat(projection.handle(new BatchItemsQuery("b1")).orElseThrow().states())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("X3", "WRITTEN_OFF"));
        assertThat(projection.handle(new BatchItemsQuery("b2")).orElseThrow().states())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("X1", "PICKED"));
    }

    @Test
    @DisplayName("§5.1 a point's batches, by status, paged")
    void pointBatches() {
        requested("b1", "sp-1");
        requested("b2", "sp-1");
        requested("b3", "sp-2");
        events.deliver("b2", new BatchDeclined("b2", "sp-1", "库存不足"), MetaData.emptyInstance());
        BatchPage all = projection.handle(new PointBatchesQuery("sp-1", null, 0, 10));
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(BatchView::batchId).containsExactlyInAnyOrder("b1", "b2");
        assertThat(projection.handle(new PointBatchesQuery("sp-1", BatchStatus.DECLINED, 0, 10)).items())
                .extracting(BatchView::batchId).containsExactly("b2");
        assertThat(projection.handle(new PointBatchesQuery("sp-1", null, 1, 1)).items()).hasSize(1);
    }

    @Test
    @DisplayName("A.1.2, §5.4 items out per point: shipped, not back, not lost; in total and paged by batch")
    void outstanding() {
        requested("b1", "sp-1");
        requested("b2", "sp-1");
        requested("b3", "sp-1");
        List<ItemDescription> three = List.of(item("X1"), item("X2"), item("X3"));
        events.deliver("b1", new BatchShipped("b1", "sp-1", "物流", null, LocalDate.of(2026, 11, 1), three),
                MetaData.emptyInstance());
        events.deliver("b2", new BatchShipped("b2", "sp-1", "物流", null, LocalDate.of(2026, 11, 1),
                List.of(item("Y1"), item("Y2"))), MetaData.emptyInstance());
        events.deliver("b1", new ItemsReturned("b1", "sp-1", List.of("X1"), LocalDate.of(2026, 11, 20), 1),
                MetaData.emptyInstance());
        events.deliver("b1", new ItemInspected("b1", "sp-1", "X2", InspectionOutcome.LOST, null, null),
                MetaData.emptyInstance());
        PointOutstanding all = projection.handle(new PointOutstandingQuery("sp-1", 0, 10));
        assertThat(all.itemsOut()).isEqualTo(3); // X3, Y1, Y2; b3 was never shipped
        assertThat(all.batchCount()).isEqualTo(2);
        assertThat(all.batches()).extracting(PointOutstanding.Batch::itemsOut).containsExactly(1, 2);
        PointOutstanding second = projection.handle(new PointOutstandingQuery("sp-1", 1, 1));
        assertThat(second.batches()).extracting(PointOutstanding.Batch::batchId).containsExactly("b2");
        assertThat(second.itemsOut()).isEqualTo(3);
    }

    @Test
    @DisplayName("§5.2–§5.4 a batch's life delivered in processing batches (each document loaded once, written once at"
            + " the batch's end) and redelivered whole in one, shows what event by event shows")
    void lifeInProcessingBatches() {
        List<ItemDescription> items = java.util.stream.IntStream.range(0, 12).mapToObj(i -> item("Z" + i)).toList();
        List<Object> life = new java.util.ArrayList<>(List.of(
                new BatchRequested("b1", "sp-1", WANTED, 1000, LocalDate.of(2026, 12, 15), "图书室", 12, null),
                new BatchAccepted("b1", "sp-1", List.of(new CategoryQuantity("I", 12)), 12, "card-sp-1", null),
                new ItemsPicked("b1", "sp-1", items.subList(0, 8), 8),
                new ItemsPicked("b1", "sp-1", items.subList(8, 12), 12),
                new ItemsUnpicked("b1", "sp-1", List.of("Z3"), 11),
                new BatchShipped("b1", "sp-1", "物流", null, LocalDate.of(2026, 11, 1),
                        items.stream().filter(item -> !item.barcode().equals("Z3")).toList()),
                new ItemsReturned("b1", "sp-1", List.of("Z0", "Z1", "Z2", "Z4"), LocalDate.of(2026, 12, 1), 4)));
        for (String barcode : List.of("Z0", "Z1", "Z2", "Z4")) {
            life.add(new ItemInspected("b1", "sp-1", barcode, barcode.equals("Z2") ? InspectionOutcome.DAMAGED
                    : InspectionOutcome.INTACT, null, null));
        }
        life.forEach(event -> events.deliver("b1", event, MetaData.emptyInstance()));
        BatchView oneByOne = projection.handle(new BatchDetailQuery("b1")).orElseThrow();
        List<ItemDescription> listOneByOne = projection.handle(new BatchItemsQuery("b1")).orElseThrow().items();

        BatchProjection batched = new BatchProjection(store.template("batch-test-batched"));
        ProjectionFixture inBatches = new ProjectionFixture(batched, "LoanBatch");
        for (int from = 0; from < life.size(); from += 5) {
            assertThat(inBatches.deliverInOneBatch("b1", life.subList(from, Math.min(from + 5, life.size())))
                    .isExceptional()).isFalse();
        }
        assertThat(inBatches.redeliverInOneBatch(inBatches.stream()).isExceptional()).isFalse();

        assertThat(batched.handle(new BatchDetailQuery("b1")).orElseThrow()).usingRecursiveComparison()
                .ignoringFields("requestedAt", "decidedAt") // when each fixture's messages were made
                .isEqualTo(oneByOne);
        assertThat(batched.handle(new BatchItemsQuery("b1")).orElseThrow().items()).isEqualTo(listOneByOne);
        assertThat(oneByOne.pickedTotal()).isEqualTo(11);
        assertThat(oneByOne.version()).isEqualTo(life.size() - 1);
    }

    private static ItemDescription item(String barcode) {
        return new ItemDescription(barcode, "书 " + barcode, "9787020002207", "I", new BigDecimal("30.00"), 2010);
    }
}
