package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/** A.6: a former contact's phone was erased (its key deleted); the protected values can no longer be read. */
@Revision("1")
public record ContactDataErased(String servicePointId, String subjectId, String reason) {
}
