package io.lendpoint.query.evaluation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.lendpoint.query.KeyedReads;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * §7.1, issue 8: the parts a point's evaluation is computed from, kept for the next one that needs them, in
 * collection {@code evaluation_parts}: the {@link Tally} of each whole month of its facts ({@code point|2026-10}) and
 * its deposit as an evaluation reads it ({@code point|deposit}: each received item's key and days at the point), each
 * under the mark its month or the deposit had ({@link KeptCounts}) when read before its facts. So a period whose
 * kept counts are stale — this month's loans — reads only the months that changed and, if the deposit did not
 * change, no batch at all. A part is current while its mark and its point's generation ({@link
 * KeptCounts#GENERATION}) are the ones read now and {@link PeriodFacts#COUNTED_BY} is the one it was counted by.
 */
final class KeptParts {

    static final String COLLECTION = "evaluation_parts";
    private static final String DEPOSIT = "deposit";

    private final Map<YearMonth, Tally> months;
    private final List<DepositItem> deposit;

    private KeptParts(Map<YearMonth, Tally> months, List<DepositItem> deposit) {
        this.months = months;
        this.deposit = deposit;
    }

    static KeptParts none() {
        return new KeptParts(Map.of(), null);
    }

    /** The tally kept for the whole month, if current; else null. */
    Tally month(YearMonth month) {
        return months.get(month);
    }

    /** The deposit kept, if current; else null. */
    List<DepositItem> deposit() {
        return deposit;
    }

    /**
     * The point's parts for an evaluation from {@code from} to {@code to} that are current under {@code marks} (read
     * by {@link KeptCounts#lookUp} before): one keyed read.
     */
    static KeptParts read(MongoTemplate mongo, String servicePointId, Document marks, LocalDate from, LocalDate to) {
        Map<String, YearMonth> ids = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            ids.put(idOf(servicePointId, month.toString()), month);
        }
        String depositId = idOf(servicePointId, DEPOSIT);
        List<String> keys = new ArrayList<>(ids.keySet());
        keys.add(depositId);
        Map<YearMonth, Tally> months = new HashMap<>();
        List<DepositItem> deposit = null;
        for (Document part : KeyedReads.documentsByIds(mongo.getCollection(COLLECTION), keys, keys.size())) {
            String id = part.getString("_id");
            String markedAs = id.equals(depositId) ? DEPOSIT : ids.get(id).toString();
            if (!Objects.equals(part.get("mark"), marks.get(markedAs))
                    || marks.get(KeptCounts.GENERATION) == null
                    || !marks.get(KeptCounts.GENERATION).equals(part.get(KeptCounts.GENERATION))
                    || !Integer.valueOf(PeriodFacts.COUNTED_BY).equals(part.get("countedBy"))) {
                continue;
            }
            if (id.equals(depositId)) {
                deposit = depositOf(servicePointId, part.getList("batches", Document.class, List.of()));
            } else {
                Tally tally = Tally.read(part.get("tally", Document.class));
                if (tally != null) {
                    months.put(ids.get(id), tally);
                }
            }
        }
        return new KeptParts(months, deposit);
    }

    /** Keeps the tallies of whole months and, if given, the deposit, under {@code marks}: one bulk request. */
    static void keep(MongoTemplate mongo, String servicePointId, Document marks, Map<YearMonth, Tally> months,
                     Collection<DepositItem> deposit) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Object generation = marks.get(KeptCounts.GENERATION);
        months.forEach((month, tally) -> writes.add(part(idOf(servicePointId, month.toString()), generation,
                marks.get(month.toString()), new Document("tally", tally.written()))));
        if (deposit != null) {
            writes.add(part(idOf(servicePointId, DEPOSIT), generation, marks.get(DEPOSIT),
                    new Document("batches", written(deposit))));
        }
        if (!writes.isEmpty()) {
            MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
            collection.bulkWrite(writes);
        }
    }

    private static WriteModel<Document> part(String id, Object generation, Object mark, Document content) {
        Document part = new Document("_id", id).append(KeptCounts.GENERATION, generation).append("mark", mark)
                .append("countedBy", PeriodFacts.COUNTED_BY);
        part.putAll(content);
        return new ReplaceOneModel<>(new Document("_id", id), part, new ReplaceOptions().upsert(true));
    }

    private static String idOf(String servicePointId, String part) {
        return servicePointId + "|" + part;
    }

    /** The received items by batch: barcodes, and the days each came and left as epoch days (-1: still there). */
    private static List<Document> written(Collection<DepositItem> deposit) {
        Map<String, Document> batches = new LinkedHashMap<>();
        for (DepositItem item : deposit) {
            if (item.from == null) {
                continue; // not received: not on deposit in any period
            }
            Document batch = batches.computeIfAbsent(item.batchId, id -> new Document("batch", id)
                    .append("barcodes", new ArrayList<String>()).append("from", new ArrayList<Long>())
                    .append("to", new ArrayList<Long>()));
            batch.getList("barcodes", String.class).add(item.barcode);
            batch.getList("from", Long.class).add(item.from.toEpochDay());
            batch.getList("to", Long.class).add(item.to == null ? -1 : item.to.toEpochDay());
        }
        return new ArrayList<>(batches.values());
    }

    private static List<DepositItem> depositOf(String servicePointId, List<Document> batches) {
        List<DepositItem> deposit = new ArrayList<>();
        for (Document batch : batches) {
            List<String> barcodes = batch.getList("barcodes", String.class);
            List<Long> from = batch.getList("from", Long.class);
            List<Long> to = batch.getList("to", Long.class);
            for (int i = 0; i < barcodes.size(); i++) {
                DepositItem item = new DepositItem();
                item.servicePointId = servicePointId;
                item.batchId = batch.getString("batch");
                item.barcode = barcodes.get(i);
                item.from = LocalDate.ofEpochDay(from.get(i));
                item.to = to.get(i) < 0 ? null : LocalDate.ofEpochDay(to.get(i));
                deposit.add(item);
            }
        }
        return deposit;
    }
}
