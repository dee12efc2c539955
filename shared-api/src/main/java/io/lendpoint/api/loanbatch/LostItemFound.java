package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * §5.4.2: an item inspected as lost was found and is back at the library. What it means for its compensation, by
 * the rule set it was assessed under: {@code refund} is the refundable part of the assessment; {@code disposition}
 * says whether it is owed back to the point (the compensation was paid or replaced), deducted from what the point
 * still owes ({@code stillDue} after it), or nothing (not refundable, or waived). Overdue fines are never refunded.
 */
@Revision("1")
public record LostItemFound(String batchId, String servicePointId, String barcode, LocalDate foundOn,
                            RefundDisposition disposition, BigDecimal refund, BigDecimal stillDue, String note) {
}
