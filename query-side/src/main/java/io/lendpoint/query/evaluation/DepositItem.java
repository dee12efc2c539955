package io.lendpoint.query.evaluation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of a batch on deposit at a point (§7.1 collection metrics), in collection {@code deposit_items}, keyed
 * {@code batchId/barcode}: on deposit from receipt ({@code from}) until back at the library or lost ({@code to},
 * null while there), and the days it was lent. An item shipped but not yet received has no {@code from}.
 */
@Document(DepositItem.COLLECTION)
class DepositItem {

    static final String COLLECTION = "deposit_items";

    @Id
    String id;
    String servicePointId;
    String batchId;
    String barcode;
    String title;
    /** the item's 中图法 class as picked, e.g. I247.5 */
    String category;
    LocalDate from;
    LocalDate to;
    List<LocalDate> lentOn = new ArrayList<>();

    static String idOf(String batchId, String barcode) {
        return batchId + "/" + barcode;
    }
}
