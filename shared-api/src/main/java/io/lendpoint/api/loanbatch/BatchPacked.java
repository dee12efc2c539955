package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.util.List;

/** §5.2: the batch was packed; {@code releasedFromCard} accepted-but-not-picked items went back to the card's free capacity. */
@Revision("1")
public record BatchPacked(String batchId, String servicePointId, List<Box> boxes, int itemCount, int releasedFromCard) {
}
