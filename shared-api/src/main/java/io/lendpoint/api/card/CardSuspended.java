package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** The card was suspended. */
@Revision("1")
public record CardSuspended(String cardId, String reason) {
}
