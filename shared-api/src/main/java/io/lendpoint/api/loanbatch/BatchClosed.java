package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A.1.1: every item is accounted for; the batch's capacity on the card and its items' claims are released. */
@Revision("1")
public record BatchClosed(String batchId, String servicePointId, LocalDate closedOn, int intact, int damaged, int lost, BigDecimal compensationAssessed) {
}
