package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.3.1: the point lent an item to its reader (a pseudonymous point-local number). */
@Revision("1")
public record ItemLent(String batchId, String servicePointId, String barcode, String readerNumber, LocalDate lentOn) {
}
