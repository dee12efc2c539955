package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

/** §5.2: a receipt discrepancy was settled. */
@Revision("1")
public record ReceiptDiscrepancyResolved(String batchId, String servicePointId, String barcode, DiscrepancyKind kind, Resolution resolution, String note) {
}
