package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** §5.4.2, A.2.5: an assessed compensation was settled. */
@Revision("1")
public record CompensationSettled(String batchId, String servicePointId, String barcode, SettlementKind settlement, BigDecimal amount, String reason) {
}
