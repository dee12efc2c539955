package io.lendpoint.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Reads many documents by {@code _id}, in look-ups of {@link #KEYS_PER_LOOKUP} keys. The embedded store finds the
 * documents of an {@code $in} on {@code _id} by its index (the only one it uses: a query on {@code _id} and any other
 * field scans the collection), then tests each found document against every key of the list: n keys cost n × n
 * comparisons, so 2,000 keys in one look-up cost as much as hundreds of small ones. A real MongoDB does either well.
 */
public final class KeyedReads {

    public static final int KEYS_PER_LOOKUP = 31;

    private KeyedReads() {
    }

    /** The documents whose {@code _id} is one of {@code ids} (in no particular order; missing ones are absent). */
    public static <T> List<T> byIds(MongoTemplate mongo, Collection<String> ids, Class<T> type) {
        return inLookups(ids, KEYS_PER_LOOKUP, chunk -> mongo.find(Query.query(Criteria.where("_id").in(chunk)), type));
    }

    /**
     * The same as stored, without mapping: for reads of many documents whose mapping would cost more than the read
     * (issue 8: Spring Data's mapping was 60 % of a point evaluation's own time); {@code keysPerLookup} for keys
     * that mostly find nothing, where a look-up's round trip costs more than its comparisons.
     */
    public static List<Document> documentsByIds(MongoCollection<Document> collection, Collection<String> ids,
                                                int keysPerLookup) {
        return inLookups(ids, keysPerLookup,
                chunk -> collection.find(Filters.in("_id", chunk)).into(new ArrayList<>()));
    }

    private static <T> List<T> inLookups(Collection<String> ids, int keysPerLookup,
                                         Function<List<String>, List<T>> lookUp) {
        List<T> found = new ArrayList<>(ids.size());
        List<String> chunk = new ArrayList<>(keysPerLookup);
        for (String id : ids) {
            chunk.add(id);
            if (chunk.size() == keysPerLookup) {
                found.addAll(lookUp.apply(List.copyOf(chunk)));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            found.addAll(lookUp.apply(List.copyOf(chunk)));
        }
        return found;
    }
}
