package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.4.1: the batch is due back on {@code dueOn} (the loan period counts from receipt). */
@Revision("1")
public record DueDateSet(String batchId, String servicePointId, LocalDate dueOn) {
}
