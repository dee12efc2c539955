package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

/** A.6: a handler's phone was erased (its key deleted); the protected values can no longer be read. */
@Revision("1")
public record HandlerDataErased(String agreementId, String servicePointId, String subjectId, String reason) {
}
