package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §6.2: a refresh of the point's books is due today: the proposal is ready for staff. */
@Revision("1")
public record RefreshDue(String refreshPlanId, String servicePointId, LocalDate dueOn) {
}
