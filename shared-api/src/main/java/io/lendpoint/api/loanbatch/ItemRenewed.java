package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.3.1: a reader renewed an item. */
@Revision("1")
public record ItemRenewed(String batchId, String servicePointId, String barcode, String readerNumber, LocalDate renewedOn) {
}
