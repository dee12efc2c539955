package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

/** §5.2: one item did not match the list on receipt. */
@Revision("1")
public record ReceiptDiscrepancyRecorded(String batchId, String servicePointId, String barcode, DiscrepancyKind kind, String note) {
}
