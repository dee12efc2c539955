package io.lendpoint.standalone;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An update of the one document a filter names by {@code _id} alone, with operators only ({@code $set},
 * {@code $inc}…): what every projection's write by key is. mongo-java-server 1.47's stock update copies the whole
 * document twice (a deep copy kept as "before", and the copy the operators change), compares before and after once
 * as they are and again after copying both into a normalised form (for {@code nModified}), and then writes "after"
 * into the stored object. For a point's day of evaluation facts, which grows by one fact per event, that was most
 * of the projection store's worker time under load (issue 8, JFR of {@code CityBenchmark#commandsOnly}: 648 of 708
 * samples in {@code updateDocuments}, 320 copying, 130 normalising).
 *
 * <p>Here the stored document is not changed: it is "before", as it is. "After" is computed by the stock code's own
 * steps (its private {@code validateUpdateQuery} and {@code modifyField}, reached through method handles, so that
 * the operators' semantics are mongo-java-server's, not ours) on a copy of only what the update's paths reach, the
 * rest shared with "before" ({@link #calculate}); it is stored in place of "before", its fields in the order the
 * stock path leaves them ({@link #inStoredOrder}). {@code nModified} is the stock normalised comparison, walked key
 * by key, the shared parts not walked at all ({@link #sameNormalized}). Everything else — an upsert that inserts,
 * a filter with more than {@code _id}, array filters, a replacement document — takes the stock path (the caller,
 * {@code ConsistentH2Backend.IdFirstCollection}). {@code UpdateByIdTest} runs generated updates on both and
 * compares every answer and document. A stock update copied a day of 400 facts whole for each fact written: 1,119
 * µs of CPU per update against 97 µs here ({@code ProjectionUpdateBenchmark}).
 */
final class UpdateById {

    private static final MethodHandle VALIDATE;
    private static final MethodHandle MODIFY;
    private static final MethodHandle NORMALIZE;

    static {
        try {
            MethodHandles.Lookup collections = MethodHandles.privateLookupIn(AbstractMongoCollection.class,
                    MethodHandles.lookup());
            VALIDATE = collections.findStatic(AbstractMongoCollection.class, "validateUpdateQuery",
                    MethodType.methodType(void.class, Document.class));
            MODIFY = collections.findVirtual(AbstractMongoCollection.class, "modifyField", MethodType.methodType(
                    void.class, Document.class, String.class, Document.class, ArrayFilters.class, Integer.class,
                    boolean.class));
            NORMALIZE = MethodHandles.privateLookupIn(Utils.class, MethodHandles.lookup())
                    .findStatic(Utils.class, "normalizeValue", MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(
                    "mongo-java-server's update internals changed (not 1.47?): " + e.getMessage());
        }
    }

    private UpdateById() {
    }

    /** The key this path takes: {@code _id} alone, a string, number or ObjectId; otherwise null. */
    static Object idOf(Document selector) {
        if (selector.size() != 1) {
            return null;
        }
        Object id = selector.get("_id");
        return isKey(id) ? id : null;
    }

    /** A key the {@code _id} index finds by equality: a string, number or ObjectId (not a document or a query). */
    static boolean isKey(Object id) {
        return id instanceof String || id instanceof Number || id instanceof ObjectId;
    }

    /** Whether every key of the update is an operator (a replacement document takes the stock path). */
    static boolean operatorsOnly(Document update) {
        if (update.isEmpty()) {
            return false;
        }
        for (String key : update.keySet()) {
            if (!key.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    /**
     * "After": the stored document with the update's operators applied by the stock code — its
     * {@code calculateUpdateDocument}, step by step (the update validated, the operators applied one by one by its
     * {@code modifyField}, the field names validated) — on a copy that shares every part of the stored document no
     * path of the update reaches ({@link #copyAlong}). The stock step copies the whole document instead: for a day
     * of 100 facts with one fact replaced, 100 facts copied where here one is.
     */
    static Document calculate(AbstractMongoCollection<Object> collection, Document stored, Document update) {
        try {
            VALIDATE.invoke(update);
            Document updated = new Document();
            updated.put("_id", stored.get("_id"));
            updated.putAll(stored);
            Set<Object> copies = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object change : update.values()) {
                for (Map.Entry<String, Object> field : ((Document) change).entrySet()) {
                    copyAlong(updated, field.getKey(), copies);
                    if (field.getValue() instanceof String target) { // $rename's other path
                        copyAlong(updated, target, copies);
                    }
                }
            }
            for (String modifier : update.keySet()) {
                MODIFY.invoke(collection, updated, modifier, update, ArrayFilters.empty(), (Integer) null, false);
            }
            Utils.validateFieldNames(updated);
            return updated;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes what {@code path} reaches in {@code updated} its own: each document on the path copied one level deep
     * (its fields then still shared), and the value at the path's end, or the first list or other value on it,
     * copied whole. Whatever the operators change on that path is then a copy; nothing else is touched by them. A
     * part of the path that is not there is left so: the operators create it in the copies.
     */
    private static void copyAlong(Document updated, String path, Set<Object> copies) {
        Document container = updated;
        List<String> fragments = Utils.splitPath(path);
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            Object value = container.get(fragment);
            if (!(value instanceof Document) && !(value instanceof Collection<?>)) {
                return; // not there, null or a plain value: nothing an operator could change in place
            }
            if (i < fragments.size() - 1 && value instanceof Document document) {
                if (!copies.contains(document)) {
                    document = document.clone();
                    container.put(fragment, document);
                    copies.add(document);
                }
                container = document;
                continue;
            }
            Object copy = new Document("value", value).cloneDeeply().get("value");
            container.put(fragment, copy);
            copies.add(copy);
            return;
        }
    }

    /**
     * "After" with its fields in the order the stock path leaves them: it changes the stored object in place, so a
     * field that stays keeps its place and a new one comes last, in whatever order the operators left them (a
     * {@code $rename} of a field into itself, {@code a} to {@code a.b}, moves {@code a} last in "after" but not in
     * the stored document).
     */
    static Document inStoredOrder(Document stored, Document updated) {
        Document ordered = new Document();
        for (String key : stored.keySet()) {
            if (updated.containsKey(key)) {
                ordered.put(key, updated.get(key));
            }
        }
        for (Map.Entry<String, Object> field : updated.entrySet()) {
            if (!ordered.containsKey(field.getKey())) {
                ordered.put(field.getKey(), field.getValue());
            }
        }
        return ordered;
    }

    /**
     * mongo-java-server's {@code Utils.nullAwareEquals} of two documents — equal once both are normalised (numbers
     * as doubles, missing as null, keys in the same order) — without normalising the parts that are equal as
     * they are: nested documents are walked key by key, and only values that differ are normalised.
     */
    static boolean sameNormalized(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Document x && b instanceof Document y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<String> others = y.keySet().iterator();
            for (String key : x.keySet()) {
                if (!key.equals(others.next()) || !sameNormalized(x.get(key), y.get(key))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b) || Objects.equals(normalize(a), normalize(b));
    }

    private static Object normalize(Object value) {
        try {
            return NORMALIZE.invoke(value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
