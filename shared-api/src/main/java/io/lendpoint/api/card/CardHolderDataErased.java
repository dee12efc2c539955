package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** A.6: the holder's personal data was erased (its key deleted); the protected values can no longer be read. */
@Revision("1")
public record CardHolderDataErased(String cardId, String holderSubjectId, String reason) {
}
