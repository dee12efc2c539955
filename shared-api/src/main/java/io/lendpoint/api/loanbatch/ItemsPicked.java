package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.util.List;

/** §5.2: items were picked for the batch; {@code pickedTotal} is how many the batch now holds. */
@Revision("1")
public record ItemsPicked(String batchId, String servicePointId, List<ItemDescription> items, int pickedTotal) {
}
