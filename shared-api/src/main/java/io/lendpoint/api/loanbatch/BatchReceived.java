package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §5.2, A.2.2: the point received the batch; both handlers confirmed. {@code receivedCount} items of the list arrived. */
@Revision("1")
public record BatchReceived(String batchId, String servicePointId, LocalDate receivedOn, String libraryHandler, String servicePointHandler, int receivedCount) {
}
