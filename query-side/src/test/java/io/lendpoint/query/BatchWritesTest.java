package io.lendpoint.query;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processing batch's projection writes go to the store together after its last event, a handler that reads first
 * sees what the events before it wrote, and a failed flush fails the whole batch, which is then retried event by
 * event so a write that keeps failing is parked with its own event only.
 */
class BatchWritesTest {

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoCollection<Document> counters;

    @BeforeEach
    void start() {
        counters = store.template("batch-writes-test").getCollection("counters");
    }

    @Test
    @DisplayName("a batch's writes reach the store after its last event, in the order they were made")
    void writesWaitForTheLastEvent() {
        List<Long> seenWhileHandling = new ArrayList<>();
        ResultMessage<?> result = new ProcessingBatch().run(events(5), event -> {
            seenWhileHandling.add(counters.countDocuments());
            int n = (int) event.getPayload();
            BatchWrites.write(counters, upsert("c", Updates.set("last", n)));
            BatchWrites.write(counters, upsert("c-" + n, Updates.set("n", n)));
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(seenWhileHandling).as("nothing written before the batch's last event was handled")
                .containsOnly(0L);
        assertThat(counters.find(Filters.eq("_id", "c")).first().getInteger("last"))
                .as("the last write to a document wins").isEqualTo(4);
        assertThat(counters.countDocuments()).isEqualTo(6);
    }

    @Test
    @DisplayName("a handler that flushes before it reads sees what the batch's earlier events wrote")
    void flushBeforeRead() {
        List<Integer> read = new ArrayList<>();
        new ProcessingBatch().run(events(4), event -> {
            BatchWrites.flush();
            Document counter = counters.find(Filters.eq("_id", "c")).first();
            read.add(counter == null ? 0 : counter.getInteger("total"));
            BatchWrites.write(counters, upsert("c", Updates.inc("total", 1)));
        });

        assertThat(read).containsExactly(0, 1, 2, 3);
        assertThat(counters.find(Filters.eq("_id", "c")).first().getInteger("total")).isEqualTo(4);
    }

    @Test
    @DisplayName("without a processing batch (a query, a retried dead letter, a direct call) a write goes at once")
    void writesAtOnceOutsideABatch() {
        BatchWrites.write(counters, upsert("c", Updates.set("n", 1)));

        assertThat(counters.countDocuments()).isEqualTo(1);
    }

    @Test
    @DisplayName("a flush that fails fails the whole batch; its retry writes event by event, so only the failing event"
            + " is parked and the others' writes are kept")
    void failedFlushFailsTheBatchThenRetriesEventByEvent() {
        storeTextValue();
        ProcessingBatch processor = new ProcessingBatch();
        List<Object> parked = new ArrayList<>();
        // as a dead-letter queue does: a handler's own exception parks its event and the batch goes on
        Consumer<EventMessage<?>> handler = event -> {
            try {
                int n = (int) event.getPayload();
                BatchWrites.write(counters, upsert(n == 2 ? "text" : "c-" + n, Updates.inc("value", 1)));
            } catch (MongoException e) {
                parked.add(event.getPayload());
            }
        };
        List<EventMessage<?>> batch = events(5);

        ResultMessage<?> first = processor.run(batch, handler);
        assertThat(first.isExceptional()).as("the batch fails as a whole").isTrue();
        assertThat(parked).as("no event blamed for the batch's flush").isEmpty();

        counters.deleteMany(Filters.ne("_id", "text")); // what an ordered bulk wrote before its failure
        ResultMessage<?> retry = processor.run(batch, handler);

        assertThat(retry.isExceptional()).isFalse();
        assertThat(parked).containsExactly(2);
        assertThat(IntStream.of(0, 1, 3, 4).mapToObj(n -> counters.find(Filters.eq("_id", "c-" + n)).first()))
                .allSatisfy(counter -> assertThat(counter).containsEntry("value", 1));

        parked.clear();
        ResultMessage<?> next = processor.run(events(3), event -> BatchWrites.write(counters,
                upsert("d-" + event.getPayload(), Updates.set("n", 1))));
        assertThat(next.isExceptional()).isFalse();
        assertThat(counters.countDocuments(Filters.regex("_id", "^d-"))).as("the next batch collects again")
                .isEqualTo(3);
    }

    @Test
    @DisplayName("a flush a handler asked for fails the batch even when the handler's own failure was parked")
    void failedFlushInAHandlerFailsTheBatch() {
        storeTextValue();
        List<Object> parked = new ArrayList<>();
        ResultMessage<?> result = new ProcessingBatch().run(events(3), event -> {
            try {
                failingWriteThenFlushes(event);
            } catch (MongoException e) {
                parked.add(event.getPayload());
            }
        });

        assertThat(parked).containsExactly(1);
        assertThat(result.isExceptional()).isTrue();
    }

    @Test
    @DisplayName("a batch's $set updates of one document fold into one write, with what one by one would give")
    void setUpdatesOfOneDocumentFold() {
        List<Integer> waiting = new ArrayList<>();
        List<List<UpdateOneModel<Document>>> writes = List.of(
                List.of(update("x", "{$set: {'f.a': 1}, $setOnInsert: {kind: 'first'}}")),
                List.of(update("y", "{$set: {'f.a': 9}}")),
                List.of(update("x", "{$set: {'f.b': 2}, $setOnInsert: {kind: 'second'}}")),
                List.of(update("x", "{$set: {'f.a': 3}}")));

        runOneByOne(writes, waiting);

        assertThat(waiting).containsExactly(1, 2, 2, 2);
        assertThat(counters.find(Filters.eq("_id", "x")).first().toJson())
                .isEqualTo("{\"_id\": \"x\", \"f\": {\"a\": 3, \"b\": 2}, \"kind\": \"first\"}");
    }

    @Test
    @DisplayName("an update by another operator, or of a path that holds or nests in an earlier one, is not folded and"
            + " keeps its place")
    void otherUpdatesKeepTheirPlace() {
        List<Integer> waiting = new ArrayList<>();
        counters.insertOne(Document.parse("{_id: 'x', f: {old: true}}"));
        runOneByOne(List.of(
                List.of(update("x", "{$set: {'f.a': 1}}")),
                List.of(update("x", "{$inc: {n: 1}}")),
                List.of(update("x", "{$set: {'f.a': 5}}")),
                List.of(update("x", "{$set: {f: {b: 2}}}")),
                List.of(update("x", "{$set: {'f.c': 3}}"))), waiting);

        assertThat(waiting).containsExactly(1, 2, 3, 4, 5);
        assertThat(counters.find(Filters.eq("_id", "x")).first().toJson())
                .isEqualTo("{\"_id\": \"x\", \"f\": {\"b\": 2, \"c\": 3}, \"n\": 1}");
    }

    @Test
    @DisplayName("without a dead-letter queue, a flush that fails in a handler fails the batch, and the retry writes"
            + " event by event, so the failure is met at the event that makes the write")
    void failedFlushWithoutDeadLetters() {
        storeTextValue();
        ProcessingBatch processor = new ProcessingBatch();
        List<Object> failedAt = new ArrayList<>();
        Consumer<EventMessage<?>> handler = event -> {
            try {
                failingWriteThenFlushes(event);
            } catch (MongoException e) {
                failedAt.add(event.getPayload());
                throw e;
            }
        };
        List<EventMessage<?>> batch = events(2);

        assertThat(processor.run(batch, handler).isExceptional()).isTrue();
        assertThat(processor.run(batch, handler).isExceptional()).isTrue();

        assertThat(failedAt).containsExactly(1, 0);
    }

    @Test
    @DisplayName("a document kept for the batch is written once at its end; a change that fails half way fails the"
            + " batch, and its retry parks only that event, with none of its half change")
    void keptDocumentHalfChanged() {
        MongoTemplate template = store.template("batch-writes-test");
        List<DomainEventMessage<?>> batch = IntStream.range(0, 3).<DomainEventMessage<?>>mapToObj(n ->
                new GenericDomainEventMessage<>("Counter", "a", n, n)).toList();
        List<Object> parked = new ArrayList<>();
        Consumer<EventMessage<?>> handler = event -> {
            try {
                IdempotentUpdates.createOrApply(template, Counter.class, "a", (DomainEventMessage<?>) event,
                        Counter::new, counter -> {
                            counter.count++;
                            if ((int) event.getPayload() == 1) {
                                counter.note = "half";
                                throw new IllegalStateException("fails half way");
                            }
                        });
            } catch (IllegalStateException e) {
                parked.add(event.getPayload());
            }
        };
        ProcessingBatch processor = new ProcessingBatch();

        assertThat(processor.run(batch, handler).isExceptional()).as("the batch fails as a whole").isTrue();
        assertThat(template.findById("a", Counter.class)).isNull();

        parked.clear();
        assertThat(processor.run(batch, handler).isExceptional()).isFalse();
        assertThat(parked).containsExactly(1);
        Counter counter = template.findById("a", Counter.class);
        assertThat(counter.count).isEqualTo(2);
        assertThat(counter.note).isNull();
        assertThat(counter.lastAppliedSequence()).isEqualTo(2);
    }

    @org.springframework.data.mongodb.core.mapping.Document("kept_counters")
    static class Counter implements KeptForTheBatch {

        @org.springframework.data.annotation.Id
        String id = "a";
        long lastSequence = -1;
        int count;
        String note;

        @Override
        public long lastAppliedSequence() {
            return lastSequence;
        }

        @Override
        public void markApplied(long sequence) {
            lastSequence = sequence;
        }
    }

    /** Each event of one batch makes its writes; {@code waiting}: what the batch holds after each event. */
    private void runOneByOne(List<List<UpdateOneModel<Document>>> writes, List<Integer> waiting) {
        ResultMessage<?> result = new ProcessingBatch().run(events(writes.size()), event -> {
            writes.get((int) event.getPayload()).forEach(write -> BatchWrites.write(counters, write));
            waiting.add(BatchWrites.current().waiting());
        });
        assertThat(result.isExceptional()).isFalse();
    }

    private static UpdateOneModel<Document> update(String id, String update) {
        return new UpdateOneModel<>(new Document("_id", id), Document.parse(update),
                new UpdateOptions().upsert(true));
    }

    /** A document whose {@code value} no {@code $inc} can change: a write that fails at the store. */
    private void storeTextValue() {
        counters.insertOne(new Document("_id", "text").append("value", "not a number"));
    }

    /** The first event makes the write that fails ({@link #storeTextValue}); every later one flushes. */
    private void failingWriteThenFlushes(EventMessage<?> event) {
        if ((int) event.getPayload() == 0) {
            BatchWrites.write(counters, upsert("text", Updates.inc("value", 1)));
        } else {
            BatchWrites.flush();
        }
    }

    @Test
    @DisplayName("a write sent after the rest reaches the store after every other write of the batch, also those made"
            + " after it, whatever their collection")
    void afterTheRest() {
        List<String> sent = new ArrayList<>();
        MongoCollection<Document> marks = recording(store.template("batch-writes-test").getCollection("marks"), sent);
        MongoCollection<Document> data = recording(counters, sent);
        ResultMessage<?> result = new ProcessingBatch().run(events(2), event -> {
            int n = (int) event.getPayload();
            if (n == 0) {
                BatchWrites.writeAfterTheRest(marks, upsert("m", Updates.set("n", n)));
            } else {
                BatchWrites.write(data, upsert("c", Updates.set("n", n)));
            }
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(sent).as("one bulk request each, the mark's last").containsExactly("counters", "marks");
        assertThat(counters.countDocuments()).isOne();
    }

    /** {@code target}, noting the collection's name in {@code sent} at each bulk request. */
    @SuppressWarnings("unchecked")
    private static MongoCollection<Document> recording(MongoCollection<Document> target, List<String> sent) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("bulkWrite")) {
                        sent.add(target.getNamespace().getCollectionName());
                    }
                    try {
                        return method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static UpdateOneModel<Document> upsert(String id, org.bson.conversions.Bson update) {
        return new UpdateOneModel<>(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
    }

    private static List<EventMessage<?>> events(int count) {
        return IntStream.range(0, count).<EventMessage<?>>mapToObj(n -> new GenericEventMessage<>(n,
                Map.of())).toList();
    }
}
