package io.lendpoint.api.loanbatch;

import java.util.List;

/** What {@link ConfirmReceipt} found: how many items arrived, and the discrepancies to resolve. */
public record ReceiptResult(int received, List<String> missing, List<String> extra, List<String> damagedOnArrival) {
}
