package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * §6.2: the refresh due on {@code dueOn} was carried out on {@code carriedOutOn} ({@code onTime}: within the grace
 * days), with the new batch requested; the next one is due on {@code nextDueOn}.
 */
@Revision("1")
public record RefreshCarriedOut(String refreshPlanId, String servicePointId, LocalDate dueOn, LocalDate carriedOutOn,
                                boolean onTime, String newBatchId, String note, LocalDate nextDueOn) {
}
