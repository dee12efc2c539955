package io.lendpoint.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
        List<T> found = new ArrayList<>(ids.size());
        List<String> chunk = new ArrayList<>(KEYS_PER_LOOKUP);
        for (String id : ids) {
            chunk.add(id);
            if (chunk.size() == KEYS_PER_LOOKUP) {
                found.addAll(mongo.find(Query.query(Criteria.where("_id").in(chunk)), type));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            found.addAll(mongo.find(Query.query(Criteria.where("_id").in(chunk)), type));
        }
        return found;
    }
}
