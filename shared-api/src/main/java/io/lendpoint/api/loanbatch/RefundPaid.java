package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** §5.4.2: the refund owed for a found item was paid back to the point. */
@Revision("1")
public record RefundPaid(String batchId, String servicePointId, String barcode, BigDecimal amount, LocalDate paidOn) {
}
