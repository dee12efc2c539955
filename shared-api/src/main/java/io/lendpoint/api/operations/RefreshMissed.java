package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §6.2: the refresh due on {@code dueOn} was not carried out within the grace period. */
@Revision("1")
public record RefreshMissed(String refreshPlanId, String servicePointId, LocalDate dueOn) {
}
