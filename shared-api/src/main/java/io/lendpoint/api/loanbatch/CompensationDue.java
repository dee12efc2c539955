package io.lendpoint.api.loanbatch;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to {@link CompensationDueQuery}: {@code total} is what the point owes over all {@code count} open
 * items, {@code items} one page of them; {@code refundsOwedTotal} is what the library owes the point back for
 * lost items found after their compensation was paid, itemised in {@code refundsOwed} (one page as well).
 */
public record CompensationDue(String servicePointId, BigDecimal total, long count, List<Item> items,
                              BigDecimal refundsOwedTotal, long refundsOwedCount, List<Item> refundsOwed, int page,
                              int size) {

    public record Item(String batchId, String barcode, BigDecimal amount, String basis) {
    }
}
