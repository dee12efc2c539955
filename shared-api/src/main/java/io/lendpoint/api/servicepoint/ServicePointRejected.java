package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/** §4.2: the application was turned down. */
@Revision("1")
public record ServicePointRejected(String servicePointId, String reason) {
}
