package io.lendpoint.api.loanbatch;

import org.axonframework.serialization.Revision;

/** §5.1: the library declined the request. */
@Revision("1")
public record BatchDeclined(String batchId, String servicePointId, String reason) {
}
