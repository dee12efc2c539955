package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** The suspension was lifted. */
@Revision("1")
public record CardReinstated(String cardId, String note) {
}
