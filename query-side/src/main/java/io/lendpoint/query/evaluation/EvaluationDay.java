package io.lendpoint.query.evaluation;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import io.lendpoint.query.BatchWrites;
import io.lendpoint.query.KeyedReads;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * §7.1: one point's evaluation facts of one day, in collection {@code evaluation_days}, keyed {@code point|day}, the
 * facts by the id of the event each comes from. Shaped for the look-up an evaluation makes — a point over a range of
 * days, by key — because the embedded store uses no index but the key (issue 8's city benchmark: one point's
 * evaluation scanned every fact of the city, 2.9 s at 60 points). The city and the ranking are read point by point
 * the same way. {@code day} and {@code (servicePointId, day)} are indexed for analysts' queries on a real MongoDB.
 */
@Document(EvaluationDay.COLLECTION)
@CompoundIndex(name = "point_day", def = "{'servicePointId': 1, 'day': 1}") // analysts' queries on a real MongoDB
class EvaluationDay {

    static final String COLLECTION = "evaluation_days";
    @Id
    String id;
    String servicePointId;
    @Indexed
    LocalDate day;
    Map<String, Fact> facts = new LinkedHashMap<>();

    /**
     * Days per look-up: a year's evaluation asks for two years of days, most without facts at a small point, so
     * fewer, larger look-ups (128² key comparisons cost less than a round trip).
     */
    static final int DAYS_PER_LOOKUP = 128;

    static String idOf(String servicePointId, LocalDate day) {
        return servicePointId + "|" + day;
    }

    /**
     * Stores a fact once: a second store under the same id replaces it (redelivery, replay, a changed outcome). Sent
     * with the rest of the processing batch's writes ({@link BatchWrites}), and its month marked changed after them.
     */
    static void store(MongoTemplate mongo, Fact fact) {
        org.bson.Document stored = new org.bson.Document();
        mongo.getConverter().write(fact, stored);
        stored.remove("_class"); // one type only: its name need not be repeated in every fact
        BatchWrites.write(mongo.getCollection(COLLECTION), new UpdateOneModel<>(
                new org.bson.Document("_id", idOf(fact.servicePointId(), fact.day())),
                new org.bson.Document("$set", new org.bson.Document("facts." + keyOf(fact.id()), stored))
                        .append("$setOnInsert", new org.bson.Document("servicePointId", fact.servicePointId())
                                .append("day", stored.get("day"))),
                new UpdateOptions().upsert(true)));
        KeptCounts.factsChanged(mongo, fact.servicePointId(), fact.day());
    }

    /** A stored fact, after the processing batch's writes so far. */
    static Fact find(MongoTemplate mongo, String servicePointId, LocalDate day, String factId) {
        BatchWrites.flush();
        EvaluationDay found = mongo.findById(idOf(servicePointId, day), EvaluationDay.class);
        return found == null ? null : found.facts.get(keyOf(factId));
    }

    /**
     * One point's facts from {@code from} to {@code to}, inclusive, by key look-ups only ({@link KeyedReads}), read
     * without the mapping layer: a year's evaluation reads two years of a point's facts.
     */
    static List<Fact> of(MongoTemplate mongo, String servicePointId, LocalDate from, LocalDate to) {
        return of(mongo, servicePointId, from.datesUntil(to.plusDays(1)).toList());
    }

    /** The same, of the days given. */
    static List<Fact> of(MongoTemplate mongo, String servicePointId, Collection<LocalDate> dates) {
        BatchWrites.flush();
        Map<String, LocalDate> days = new LinkedHashMap<>();
        for (LocalDate day : dates) {
            days.put(idOf(servicePointId, day), day);
        }
        List<Fact> facts = new ArrayList<>();
        for (org.bson.Document found : KeyedReads.documentsByIds(mongo.getCollection(COLLECTION), days.keySet(),
                DAYS_PER_LOOKUP)) {
            LocalDate day = days.get(found.getString("_id"));
            found.get("facts", org.bson.Document.class).values()
                    .forEach(fact -> facts.add(Fact.read((org.bson.Document) fact, day)));
        }
        return facts;
    }

    /** A field name may contain neither {@code .} nor a leading {@code $}; event ids are UUIDs, others are ours. */
    private static String keyOf(String factId) {
        return factId.replace('.', '_').replace('$', '_');
    }
}
