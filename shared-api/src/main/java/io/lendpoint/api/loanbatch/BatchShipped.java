package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** §5.2, A.1.3: the batch was shipped with its item list. */
@Revision("1")
public record BatchShipped(String batchId, String servicePointId, String carrier, String vehicle, LocalDate shippedOn, List<ItemDescription> items) {
}
