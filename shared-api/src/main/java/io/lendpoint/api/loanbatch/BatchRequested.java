package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** §5.1: a point asked for books; {@code loanPeriodMonths} is the period asked for, or the agreement's loan term. */
@Revision("1")
public record BatchRequested(String batchId, String servicePointId, List<CategoryQuantity> wanted, int totalQuantity, LocalDate wantedDeliveryDate, String deliveryPlace, int loanPeriodMonths, String note) {
}
