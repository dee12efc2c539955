package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.4.1: the due date passed with {@code itemsOut} items not returned. */
@Revision("1")
public record BatchOverdue(String batchId, String servicePointId, LocalDate dueOn, int itemsOut) {
}
