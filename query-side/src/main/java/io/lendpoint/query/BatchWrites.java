package io.lendpoint.query;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The writes of one processing batch, sent to the projection store together: one ordered bulk request per
 * collection when the batch's last event has been handled, instead of a request per event, and a document's
 * updates made once — the embedded store copies and rewrites a whole document at every update, which set the
 * replay's pace (issue 8, docs/benchmarks.md "After the sixth run"). Outside a batch that collects
 * (a query, a retried dead letter, a test calling a handler, a batch retried after its flush failed), a write is
 * sent at once.
 *
 * <p>Updates of one document by {@code $set} in the same batch are folded into one ({@link Pending}). A document
 * {@link IdempotentUpdates} loads for a batch is kept for the rest of it and written once at its end, when its type
 * says its projection allows that ({@link KeptForTheBatch}).
 *
 * <p>The rule for a projection that writes through here: a collection it writes through here is read only through
 * {@link #flush()} first, so a handler sees what the events before it in the batch wrote. Writes to one collection
 * keep their order. A collection written here and also directly must flush before the direct write.
 *
 * <p>{@link BatchWritesInterceptor} opens the collection for a processing batch, flushes it after the batch's last
 * event and fails the whole batch if the flush fails (so no event's writes are lost while the token moves on).
 */
public final class BatchWrites {

    static final String RESOURCE = BatchWrites.class.getName();

    /** By collection name (a template hands out a new collection object per call), in the order first written. */
    private final Map<MongoNamespace, Pending> pending = new LinkedHashMap<>();
    /** Writes sent after every other write of the batch ({@link #writeAfterTheRest}), likewise by collection. */
    private final Map<MongoNamespace, Pending> afterTheRest = new LinkedHashMap<>();
    /** Documents {@link IdempotentUpdates} keeps for the batch ({@link KeptForTheBatch}), by collection and id. */
    private final Map<List<Object>, Object> kept = new HashMap<>();
    private RuntimeException failed;

    BatchWrites() {
    }

    /** Sends {@code write} with this batch's writes, or at once when no batch collects them. */
    public static void write(MongoCollection<Document> collection, WriteModel<Document> write) {
        collect(collection, write, false);
    }

    /**
     * Sends {@code write} after every other write this batch has collected by then, whatever collection they go to,
     * or at once when no batch collects them: a mark saying that documents elsewhere changed, which a reader reads
     * before those documents, must not reach the store before the changes it marks.
     */
    public static void writeAfterTheRest(MongoCollection<Document> collection, WriteModel<Document> write) {
        collect(collection, write, true);
    }

    private static void collect(MongoCollection<Document> collection, WriteModel<Document> write, boolean last) {
        BatchWrites batch = current();
        if (batch == null) {
            collection.bulkWrite(List.of(write));
        } else {
            (last ? batch.afterTheRest : batch.pending)
                    .computeIfAbsent(collection.getNamespace(), unused -> new Pending(collection)).add(write);
        }
    }

    /** Sends what this batch has collected so far: before a handler reads a collection it writes through here. */
    public static void flush() {
        BatchWrites batch = current();
        if (batch != null) {
            batch.send();
        }
    }

    /** The document this batch keeps under that id, changed by the batch's events so far; null if none. */
    <D> D kept(MongoTemplate mongo, Class<D> type, Object id) {
        return type.cast(kept.get(List.of(mongo.getCollectionName(type), id)));
    }

    /**
     * Keeps {@code document} for the rest of the batch, to be written once, as it is then, where it was first kept
     * among the collection's writes (a replacement by {@code _id}, inserting it if it is not there).
     */
    void keep(MongoTemplate mongo, Object id, Object document) {
        String collection = mongo.getCollectionName(document.getClass());
        if (kept.put(List.of(collection, id), document) == null) {
            MongoCollection<Document> target = mongo.getCollection(collection);
            pending.computeIfAbsent(target.getNamespace(), unused -> new Pending(target)).add(() -> {
                Document stored = new Document();
                mongo.getConverter().write(document, stored);
                return new ReplaceOneModel<>(new Document("_id", stored.get("_id")), stored,
                        new ReplaceOptions().upsert(true));
            });
        }
    }

    /** Fails the whole batch (retried event by event): what it keeps can no longer be written as it is. */
    void fail(RuntimeException cause) {
        if (failed == null) {
            failed = cause;
        }
    }

    /** This batch's collection of writes, if a batch collects them. */
    static BatchWrites current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getResource(RESOURCE);
    }

    /** How many writes are waiting, after folding. */
    int waiting() {
        return Stream.concat(pending.values().stream(), afterTheRest.values().stream())
                .mapToInt(collection -> collection.writes.size()).sum();
    }

    /**
     * Sends every collection's writes as one ordered bulk request each. A failure is kept: the batch must fail as a
     * whole even when the handler whose read caused this flush had its exception parked as a dead letter.
     */
    void send() {
        if (failed != null) {
            throw failed;
        }
        try {
            for (Map<MongoNamespace, Pending> writes : List.of(pending, afterTheRest)) {
                for (Pending collection : writes.values()) {
                    collection.target.bulkWrite(collection.models(), new BulkWriteOptions().ordered(true));
                }
            }
        } catch (RuntimeException e) {
            failed = e;
            throw e;
        } finally {
            pending.clear();
            afterTheRest.clear();
            kept.clear();
        }
    }

    /**
     * One collection's waiting writes, in order. An update of exactly one {@code _id} by {@code $set} (and
     * {@code $setOnInsert}) is folded into the batch's earlier such update of the same document when the two do not
     * touch overlapping paths: a point's day of evaluation facts takes one update per batch, not one per fact, and
     * the store rewrites the whole document at each update. Any other write to the collection ends folding into what
     * came before it, so writes that may touch the same document keep their order.
     */
    private static final class Pending {

        private static final Set<String> FOLDABLE = Set.of("$set", "$setOnInsert");

        final MongoCollection<Document> target;
        /** Write models, and kept documents' writes made when sent (suppliers). */
        final List<Object> writes = new ArrayList<>();
        /** Where each document's foldable update is in {@link #writes}, by {@code _id}. */
        private final Map<Object, Integer> foldable = new HashMap<>();

        Pending(MongoCollection<Document> target) {
            this.target = target;
        }

        /** A kept document's write, made when sent: it ends folding as any write that is not a {@code $set}. */
        void add(Supplier<WriteModel<Document>> later) {
            foldable.clear();
            writes.add(later);
        }

        @SuppressWarnings("unchecked")
        List<WriteModel<Document>> models() {
            return writes.stream().map(write -> write instanceof Supplier<?> later
                    ? (WriteModel<Document>) later.get() : (WriteModel<Document>) write).toList();
        }

        void add(WriteModel<Document> write) {
            Object id = foldableId(write);
            if (id == null) {
                foldable.clear();
                writes.add(write);
                return;
            }
            Integer earlier = foldable.get(id);
            if (earlier != null) {
                @SuppressWarnings("unchecked")
                UpdateOneModel<Document> before = (UpdateOneModel<Document>) writes.get(earlier);
                UpdateOneModel<Document> after = (UpdateOneModel<Document>) write;
                Document folded = before.getOptions().isUpsert() == after.getOptions().isUpsert()
                        ? folded((Document) before.getUpdate(), (Document) after.getUpdate()) : null;
                if (folded != null) {
                    writes.set(earlier, new UpdateOneModel<>(before.getFilter(), folded, before.getOptions()));
                    return;
                }
            }
            foldable.put(id, writes.size());
            writes.add(write);
        }

        private static Object foldableId(WriteModel<Document> write) {
            if (write instanceof UpdateOneModel<Document> update && update.getFilter() instanceof Document filter
                    && filter.size() == 1 && update.getUpdate() instanceof Document operations
                    && FOLDABLE.containsAll(operations.keySet())) {
                return filter.get("_id");
            }
            return null;
        }

        /**
         * {@code before} then {@code after} as one update, or null when they cannot be one: the later {@code $set}
         * wins on the same path; the earlier {@code $setOnInsert} is what an upsert inserted (the later one's is
         * ignored, as it would be after that insert); paths that nest or meet a {@code $setOnInsert} path do not fold.
         */
        private static Document folded(Document before, Document after) {
            Document set = new Document(before.get("$set", Document.class) == null ? Map.of()
                    : before.get("$set", Document.class));
            Document onInsert = before.get("$setOnInsert", Document.class);
            Document laterSet = after.get("$set", Document.class);
            if (laterSet != null) {
                for (String path : laterSet.keySet()) {
                    if (overlaps(path, set.keySet(), true) || onInsert != null && overlaps(path, onInsert.keySet(), false)) {
                        return null;
                    }
                }
                set.putAll(laterSet);
            }
            Document folded = new Document();
            if (!set.isEmpty()) {
                folded.put("$set", set);
            }
            if (onInsert != null) {
                folded.put("$setOnInsert", onInsert);
            }
            return folded;
        }

        /** Whether {@code path} nests in or holds one of {@code paths} (or equals one, unless that may be). */
        private static boolean overlaps(String path, Set<String> paths, boolean sameIsFine) {
            for (String other : paths) {
                if (other.equals(path) ? !sameIsFine
                        : other.startsWith(path + ".") || path.startsWith(other + ".")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The failure of an earlier flush in this batch, or why it must fail, if any. */
    RuntimeException failure() {
        return failed;
    }
}
