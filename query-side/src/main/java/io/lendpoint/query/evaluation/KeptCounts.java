package io.lendpoint.query.evaluation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import io.lendpoint.query.BatchWrites;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * §7.1, issue 8: the counts a point's evaluation computed, kept so that asking again costs a read by key instead
 * of two years of its facts and its deposit (25 ms a point at 2,000 points, the city's year 24 s). Per point, in
 * collection {@code evaluation_counts}:
 * <ul>
 * <li>a mark per month of its facts and one for its deposit, set to a value never used before by every write that
 * changes them, and sent after that write ({@link BatchWrites#writeAfterTheRest});</li>
 * <li>the {@link PeriodFacts} of the periods evaluated lately (the period and the one of the same length before
 * it), each under the marks of its months and deposit as they were read <em>before</em> its facts were.</li>
 * </ul>
 * The city has such a document too ({@link #CITY}): its marks change with any point's, and with the points
 * evaluated (applied, rejected); it keeps the city's counts and population served, so the city's evaluation asked
 * again is one read too. Kept counts are used while those marks are unchanged and {@link PeriodFacts#COUNTED_BY} is
 * the version they were counted by. A change the facts' read missed was written after the marks were read, so its
 * mark, written after it, differs from the one kept: the counts are computed again. Past periods stay kept while
 * today's loans change only this month's mark. Not a fact: dropped and rebuilt with the projection;
 * {@code lendpoint.evaluation.periods-kept} periods a point (8; 0 keeps none, every evaluation is computed).
 */
@Component
class KeptCounts {

    static final String COLLECTION = "evaluation_counts";
    /** The city's document's id (no point's id starts so): its marks change with any point's. */
    static final String CITY = "*city";
    /** Set when a document is made: it is part of the marks, so nothing kept survives the document's loss. */
    static final String GENERATION = "generation";

    private final MongoTemplate mongo;
    private final int periodsKept;

    KeptCounts(MongoTemplate mongo, @Value("${lendpoint.evaluation.periods-kept:8}") int periodsKept) {
        if (periodsKept < 0) {
            throw new IllegalArgumentException("lendpoint.evaluation.periods-kept must not be negative");
        }
        this.mongo = mongo;
        this.periodsKept = periodsKept;
    }

    /** Marks the point's facts of {@code day}'s month changed, and the city's: call after writing them. */
    static void factsChanged(MongoTemplate mongo, String servicePointId, LocalDate day) {
        mark(mongo, servicePointId, "months." + YearMonth.from(day));
    }

    /** Marks the point's deposit changed, and the city's: call after writing it. */
    static void depositChanged(MongoTemplate mongo, String servicePointId) {
        mark(mongo, servicePointId, "deposit");
    }

    /** Marks the city's points (who is evaluated, the population served) changed: call after writing them. */
    static void pointsChanged(MongoTemplate mongo) {
        mark(mongo, CITY, "points");
    }

    private static void mark(MongoTemplate mongo, String id, String path) {
        ObjectId mark = new ObjectId();
        for (String marked : id.equals(CITY) ? List.of(CITY) : List.of(id, CITY)) {
            BatchWrites.writeAfterTheRest(mongo.getCollection(COLLECTION), new UpdateOneModel<>(
                    new Document("_id", marked), new Document("$set", new Document(path, mark))
                    .append("$setOnInsert", new Document(GENERATION, new ObjectId())),
                    new UpdateOptions().upsert(true)));
        }
    }

    /**
     * The point's marks for an evaluation of {@code from}–{@code to} (its facts from {@code previousFrom}), and the
     * counts kept for it if they are still current: one read by key, before any of the facts.
     */
    Lookup lookUp(String servicePointId, LocalDate previousFrom, LocalDate from, LocalDate to) {
        MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
        Document point = collection.find(Filters.eq("_id", servicePointId)).first();
        if (point == null || point.get(GENERATION) == null) {
            // a document (re)made from nothing gets a new generation: what was kept under another, or under none,
            // is not current (the collection may have been dropped, with the marks that had made it stale)
            point = collection.findOneAndUpdate(Filters.eq("_id", servicePointId),
                    new Document(point == null ? "$setOnInsert" : "$set", new Document(GENERATION, new ObjectId())),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        }
        Document months = point.get("months", Document.class);
        Document marks = new Document(GENERATION, point.get(GENERATION));
        for (YearMonth month = YearMonth.from(previousFrom); !month.isAfter(YearMonth.from(to));
             month = month.plusMonths(1)) {
            Object mark = months == null ? null : months.get(month.toString());
            if (mark != null) {
                marks.append(month.toString(), mark);
            }
        }
        for (String whole : List.of("deposit", "points")) {
            if (point.get(whole) != null) {
                marks.append(whole, point.get(whole));
            }
        }
        String period = from + "_" + to;
        Document periods = point.get("periods", Document.class);
        Document kept = periods == null ? null : periods.get(period, Document.class);
        boolean current = periodsKept > 0 && kept != null && marks.equals(kept.get("marks"))
                && Integer.valueOf(PeriodFacts.COUNTED_BY).equals(kept.get("countedBy"));
        PeriodFacts now = current ? read(kept.get("now", Document.class)) : null;
        PeriodFacts before = current ? read(kept.get("before", Document.class)) : null;
        Number population = current ? kept.get("population", Number.class) : null;
        boolean found = now != null && before != null;
        return new Lookup(servicePointId, period, marks, periods == null ? new Document() : periods,
                found ? now : null, found ? before : null, population == null ? null : population.intValue());
    }

    /**
     * What {@link #lookUp} found: the counts, when kept and current ({@link #found}); for the city, the population
     * served they were counted with.
     */
    record Lookup(String servicePointId, String period, Document marks, Document periods, PeriodFacts now,
                  PeriodFacts before, Integer population) {

        boolean found() {
            return now != null && before != null;
        }
    }

    /** The point's parts ({@link KeptParts}) from {@code from} to {@code to} still current under the lookup's marks. */
    KeptParts parts(Lookup lookup, LocalDate from, LocalDate to) {
        return periodsKept == 0 ? KeptParts.none()
                : KeptParts.read(mongo, lookup.servicePointId(), lookup.marks(), from, to);
    }

    /** Keeps parts counted after {@code lookup}: whole months' tallies and, unless null, the deposit read. */
    void keepParts(Lookup lookup, Map<YearMonth, Tally> months, Collection<DepositItem> deposit) {
        if (periodsKept > 0) {
            KeptParts.keep(mongo, lookup.servicePointId(), lookup.marks(), months, deposit);
        }
    }

    /** Keeps counts computed after {@code lookup}, making room among the point's periods by the oldest computed. */
    void keep(Lookup lookup, PeriodFacts now, PeriodFacts before) {
        keep(lookup, now, before, null);
    }

    /** Keeps the city's counts computed after {@code lookup}, with the population served of its points then. */
    void keep(Lookup lookup, PeriodFacts now, PeriodFacts before, Integer population) {
        if (periodsKept == 0) {
            return;
        }
        Document entry = new Document("computed", new Date()).append("countedBy", PeriodFacts.COUNTED_BY)
                .append("marks", lookup.marks())
                .append("now", written(now)).append("before", written(before));
        if (population != null) {
            entry.append("population", population);
        }
        Document update = new Document("$set", new Document("periods." + lookup.period(), entry));
        List<Map.Entry<String, Object>> others = new ArrayList<>(lookup.periods().entrySet());
        others.removeIf(other -> other.getKey().equals(lookup.period()));
        if (others.size() >= periodsKept) {
            others.sort(Comparator.comparing(other -> computedOf(other.getValue())));
            Document unset = new Document();
            others.subList(0, others.size() - periodsKept + 1)
                    .forEach(other -> unset.append("periods." + other.getKey(), ""));
            update.append("$unset", unset);
        }
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", lookup.servicePointId()), update,
                new UpdateOptions().upsert(true));
    }

    private static Date computedOf(Object kept) {
        Date computed = kept instanceof Document document ? document.getDate("computed") : null;
        return computed == null ? new Date(0) : computed;
    }

    /** Counts as kept: every component of the record by its name. */
    static Document written(PeriodFacts facts) {
        Document written = new Document();
        try {
            for (RecordComponent component : PeriodFacts.class.getRecordComponents()) {
                Object value = component.getAccessor().invoke(facts);
                written.append(component.getName(), value instanceof LocalDate day ? day.toString()
                        : value instanceof long[] values ? Arrays.stream(values).boxed().toList() : value);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return written;
    }

    /** Counts as {@link #written}, or null when they were kept in another shape (computed again then). */
    static PeriodFacts read(Document kept) {
        if (kept == null) {
            return null;
        }
        RecordComponent[] components = PeriodFacts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = kept.get(components[i].getName());
            if (types[i] == LocalDate.class && value instanceof String day) {
                values[i] = LocalDate.parse(day);
            } else if (types[i] == long.class && value instanceof Number number) {
                values[i] = number.longValue();
            } else if (types[i] == long[].class && value instanceof List<?> list
                    && list.stream().allMatch(Number.class::isInstance)) {
                values[i] = list.stream().mapToLong(number -> ((Number) number).longValue()).toArray();
            } else {
                return null;
            }
        }
        try {
            return PeriodFacts.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
