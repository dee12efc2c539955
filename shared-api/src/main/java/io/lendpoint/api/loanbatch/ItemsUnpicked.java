package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.util.List;

/** §5.2: picked items were taken out of the batch again. */
@Revision("1")
public record ItemsUnpicked(String batchId, String servicePointId, List<String> barcodes, int pickedTotal) {
}
