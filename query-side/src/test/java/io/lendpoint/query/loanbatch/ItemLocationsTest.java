package io.lendpoint.query.loanbatch;

import io.lendpoint.api.loanbatch.BatchReceived;
import io.lendpoint.api.loanbatch.BatchShipped;
import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.loanbatch.ItemLent;
import io.lendpoint.api.loanbatch.ItemLocation;
import io.lendpoint.api.loanbatch.ItemLocationQuery;
import io.lendpoint.api.loanbatch.ItemsPicked;
import io.lendpoint.api.loanbatch.ItemsReturned;
import io.lendpoint.api.loanbatch.ItemsUnpicked;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProcessingBatch;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Where is barcode X": whole batches read by key and written in bulk, single items by key, never an older event over
 * a newer.
 */
class ItemLocationsTest {

    /** More than two look-ups' worth of keys, and not a multiple of one. */
    private static final List<ItemDescription> ITEMS = IntStream.range(0, 70)
            .mapToObj(i -> new ItemDescription("BC%04d".formatted(i), "书" + i, null, "I", BigDecimal.TEN, null)).toList();
    private static final List<String> BARCODES = ITEMS.stream().map(ItemDescription::barcode).toList();
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;
    private ItemLocations locations;

    @BeforeEach
    void start() {
        mongo = store.template("item-locations-test");
        locations = new ItemLocations(mongo);
    }

    @Test
    @DisplayName("§5.2, §5.3.1 a batch's items are picked, shipped, received, lent and returned: each barcode shows where it is")
    void batchLife() {
        deliver(new ItemsPicked("b-1", "sp-1", ITEMS, ITEMS.size()), 0);
        deliver(new BatchShipped("b-1", "sp-1", "馆车", "粤E", LocalDate.of(2026, 3, 2), ITEMS), 1);
        deliver(new BatchReceived("b-1", "sp-1", LocalDate.of(2026, 3, 3), "王", "李", 70), 2);
        deliver(new ItemLent("b-1", "sp-1", "BC0042", "R-7", LocalDate.of(2026, 3, 4)), 3);
        List<String> back = BARCODES.subList(0, 65);
        deliver(new ItemsReturned("b-1", "sp-1", back, LocalDate.of(2027, 3, 1), 65), 4);

        assertThat(mongo.getCollection(ItemLocations.COLLECTION).countDocuments()).isEqualTo(70);
        assertThat(where("BC0000")).extracting(ItemLocation::state, ItemLocation::title).containsExactly("BACK_AT_LIBRARY", "书0");
        assertThat(where("BC0064").state()).isEqualTo("BACK_AT_LIBRARY");
        assertThat(where("BC0065").state()).isEqualTo("AT_POINT");
        assertThat(where("BC0069").state()).isEqualTo("AT_POINT");
        assertThat(BARCODES.stream().map(this::where).filter(item -> item.state().equals("BACK_AT_LIBRARY")))
                .hasSize(65);
    }

    @Test
    @DisplayName("§5.2, §5.3.1 the same life as one processing batch (its writes sent together at its end) shows the same"
            + " locations as event by event")
    void batchLifeInOneProcessingBatch() {
        List<EventMessage<?>> life = List.of(
                message(new ItemsPicked("b-1", "sp-1", ITEMS, ITEMS.size()), 0),
                message(new ItemsUnpicked("b-1", "sp-1", List.of("BC0007"), 69), 1),
                message(new BatchShipped("b-1", "sp-1", "馆车", "粤E", LocalDate.of(2026, 3, 2), ITEMS.subList(8, 70)), 2),
                message(new BatchReceived("b-1", "sp-1", LocalDate.of(2026, 3, 3), "王", "李", 62), 3),
                message(new ItemLent("b-1", "sp-1", "BC0042", "R-7", LocalDate.of(2026, 3, 4)), 4),
                message(new ItemsReturned("b-1", "sp-1", BARCODES.subList(8, 60), LocalDate.of(2027, 3, 1), 52), 5),
                message(new ItemsPicked("b-2", "sp-2", ITEMS.subList(50, 70), 20), 6));

        assertThat(new ProcessingBatch().run(life, this::deliver)
                .isExceptional()).isFalse();

        assertThat(where("BC0007").state()).isEqualTo("AT_LIBRARY");
        assertThat(where("BC0000").state()).as("picked, never shipped").isEqualTo("PICKED");
        assertThat(where("BC0008").state()).isEqualTo("BACK_AT_LIBRARY");
        assertThat(where("BC0042").state()).isEqualTo("BACK_AT_LIBRARY");
        assertThat(where("BC0049").state()).isEqualTo("BACK_AT_LIBRARY");
        assertThat(where("BC0055")).as("returned, then picked for another point in the same batch")
                .extracting(ItemLocation::batchId, ItemLocation::state).containsExactly("b-2", "PICKED");
        assertThat(where("BC0045").readerNumber()).isNull();
        assertThat(mongo.getCollection(ItemLocations.COLLECTION).countDocuments()).isEqualTo(70);
    }

    @Test
    @DisplayName("§5.2 an item taken out of the batch before shipping stays at the library when the batch is received")
    void unpickedItemStaysBehind() {
        deliver(new ItemsPicked("b-1", "sp-1", ITEMS, ITEMS.size()), 0);
        deliver(new ItemsUnpicked("b-1", "sp-1", List.of("BC0007"), 69), 1);
        deliver(new BatchShipped("b-1", "sp-1", "馆车", "粤E", LocalDate.of(2026, 3, 2), ITEMS.subList(8, 70)), 2);
        deliver(new BatchReceived("b-1", "sp-1", LocalDate.of(2026, 3, 3), "王", "李", 62), 3);

        assertThat(where("BC0007").state()).isEqualTo("AT_LIBRARY");
        assertThat(where("BC0000").state()).as("picked, never shipped").isEqualTo("PICKED");
        assertThat(where("BC0008").state()).isEqualTo("AT_POINT");
        assertThat(where("BC0069").state()).isEqualTo("AT_POINT");
        assertThat(mongo.findById("b-1", ItemLocationBatch.class).barcodes).hasSize(69).doesNotContain("BC0007");
    }

    @Test
    @DisplayName("a batch picked before batch lists were kept is still received whole (by batch and state)")
    void batchWithoutListIsReceived() {
        deliver(new ItemsPicked("b-1", "sp-1", ITEMS, ITEMS.size()), 0);
        deliver(new BatchShipped("b-1", "sp-1", "馆车", "粤E", LocalDate.of(2026, 3, 2), ITEMS), 1);
        mongo.dropCollection(ItemLocationBatch.COLLECTION);
        deliver(new BatchReceived("b-1", "sp-1", LocalDate.of(2026, 3, 3), "王", "李", 70), 2);

        assertThat(BARCODES.stream().map(this::where)).allSatisfy(item -> assertThat(item.state()).isEqualTo("AT_POINT"));
    }

    @Test
    @DisplayName("an item lent in a newer batch is not moved back by an older batch's late event, whole-batch or single")
    void olderEventsDoNotOverwrite() {
        deliver(new ItemsPicked("b-new", "sp-2", ITEMS, ITEMS.size()), 10);
        deliver(new ItemsPicked("b-old", "sp-1", ITEMS, ITEMS.size()), 0);
        deliver(new ItemsReturned("b-old", "sp-1", BARCODES, LocalDate.of(2026, 3, 1), 70), 1);
        deliver(new ItemLent("b-old", "sp-1", "BC0001", "R-1", LocalDate.of(2026, 3, 1)), 2);

        assertThat(BARCODES.stream().map(this::where))
                .allSatisfy(item -> assertThat(item.batchId() + "/" + item.state()).isEqualTo("b-new/PICKED"));
    }

    @Test
    @DisplayName("redelivered events change nothing")
    void redeliveryChangesNothing() {
        EventMessage<ItemsPicked> picked = message(new ItemsPicked("b-1", "sp-1", ITEMS, ITEMS.size()), 0);
        locations.on(picked.getPayload(), picked);
        EventMessage<ItemLent> lent = message(new ItemLent("b-1", "sp-1", "BC0003", "R-3", LocalDate.of(2026, 3, 4)), 1);
        locations.on(lent.getPayload(), lent);
        List<ItemLocation> before = BARCODES.stream().map(this::where).toList();

        locations.on(picked.getPayload(), picked);
        locations.on(lent.getPayload(), lent);

        assertThat(BARCODES.stream().map(this::where).toList()).isEqualTo(before);
        assertThat(where("BC0003").readerNumber()).isEqualTo("R-3");
        assertThat(mongo.getCollection(ItemLocations.COLLECTION).countDocuments()).isEqualTo(70);
    }

    private ItemLocation where(String barcode) {
        return locations.handle(new ItemLocationQuery(barcode)).orElseThrow();
    }

    /** Delivers the event as the processor would, {@code minutes} after {@link #T0}. */
    private void deliver(Object payload, int minutes) {
        deliver(message(payload, minutes));
    }

    /** Through Axon's own annotation handling, as the processor does. */
    private void deliver(EventMessage<?> message) {
        try {
            new AnnotationEventHandlerAdapter(locations).handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> EventMessage<T> message(T payload, int minutes) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(),
                T0.plusSeconds(60L * minutes));
    }
}
