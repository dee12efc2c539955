package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.1.1: the last item of the batch came back (整还). */
@Revision("1")
public record BatchReturned(String batchId, String servicePointId, LocalDate returnedOn) {
}
