package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.util.List;

/** §5.1, A.1.2: the library accepted; {@code totalQuantity} items are reserved on the card {@code cardId}. */
@Revision("1")
public record BatchAccepted(String batchId, String servicePointId, List<CategoryQuantity> accepted, int totalQuantity, String cardId, String note) {
}
