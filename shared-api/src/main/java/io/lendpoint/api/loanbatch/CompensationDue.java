package io.lendpoint.api.loanbatch;

import java.math.BigDecimal;
import java.util.List;

/** The answer to {@link CompensationDueQuery}: what is not settled yet, and its total. */
public record CompensationDue(String servicePointId, BigDecimal total, List<Item> items) {

    public record Item(String batchId, String barcode, BigDecimal amount, String basis) {
    }
}
