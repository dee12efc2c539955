package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.3.1: a reader brought an item back to the point. */
@Revision("1")
public record ItemReturnedInPoint(String batchId, String servicePointId, String barcode, String readerNumber, LocalDate returnedOn) {
}
