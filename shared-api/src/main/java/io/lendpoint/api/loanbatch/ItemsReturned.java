package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** §5.4.1: items came back to the library; {@code returnedTotal} of the batch are back. */
@Revision("1")
public record ItemsReturned(String batchId, String servicePointId, List<String> barcodes, LocalDate returnedOn, int returnedTotal) {
}
