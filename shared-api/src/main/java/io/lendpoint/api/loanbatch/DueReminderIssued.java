package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.4.1, A.2.4: the point is reminded that the batch is due in {@code daysBefore} days; delivered by the notification port, once. */
@Revision("1")
public record DueReminderIssued(String batchId, String servicePointId, LocalDate dueOn, int daysBefore, int itemsOut) {
}
