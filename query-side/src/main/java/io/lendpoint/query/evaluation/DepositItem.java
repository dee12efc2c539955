package io.lendpoint.query.evaluation;

import org.bson.Document;
import org.springframework.data.annotation.Transient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One item of a batch on deposit at a point (§7.1 collection metrics), kept in its {@link DepositBatch}: on deposit
 * from receipt ({@code from}) until back at the library or lost ({@code to}, null while there). An item shipped but
 * not yet received has no {@code from}. The days it was lent are not stored here but read from the loan facts of
 * the period evaluated ({@link #attachLoans}), so a loan changes one small day document, not the batch's.
 */
class DepositItem {

    String servicePointId;
    String batchId;
    String barcode;
    String title;
    /** the item's 中图法 class as picked, e.g. I247.5 */
    String category;
    LocalDate from;
    LocalDate to;
    /** the days it was lent, among the facts read with it */
    @Transient
    List<LocalDate> lentOn = new ArrayList<>();

    /** An item as its {@link DepositBatch} stored it, read without the mapping layer. */
    static DepositItem read(Document stored, StoredDates dates) {
        DepositItem item = new DepositItem();
        item.servicePointId = stored.getString("servicePointId");
        item.batchId = stored.getString("batchId");
        item.barcode = stored.getString("barcode");
        item.title = stored.getString("title");
        item.category = stored.getString("category");
        item.from = dates.day(stored.get("from"));
        item.to = dates.day(stored.get("to"));
        return item;
    }

    String key() {
        return keyOf(batchId, barcode);
    }

    static String keyOf(String batchId, String barcode) {
        return batchId + "/" + barcode;
    }

    /** Gives each item the days it was lent among {@code facts}. */
    static void attachLoans(Iterable<DepositItem> items, Iterable<Fact> facts) {
        Map<String, DepositItem> byKey = new HashMap<>();
        items.forEach(item -> byKey.put(item.key(), item));
        for (Fact fact : facts) {
            DepositItem lent = fact.kind() == FactKind.LOAN && fact.item() != null ? byKey.get(fact.item()) : null;
            if (lent != null) {
                lent.lentOn.add(fact.day());
            }
        }
    }
}
