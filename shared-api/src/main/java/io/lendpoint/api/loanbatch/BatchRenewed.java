package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.2.4: the whole batch was renewed before its due date (renewal number {@code renewal}). */
@Revision("1")
public record BatchRenewed(String batchId, String servicePointId, LocalDate previousDueOn, LocalDate dueOn, int renewal) {
}
