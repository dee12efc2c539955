package io.lendpoint.api.loanbatch;

/** §5.2: one receipt discrepancy and, once settled, its resolution (null while open). */
public record DiscrepancyView(String barcode, DiscrepancyKind kind, String note, Resolution resolution) {
}
