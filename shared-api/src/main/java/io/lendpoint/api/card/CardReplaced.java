package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** A lost card was replaced. */
@Revision("1")
public record CardReplaced(String cardId, String previousCardNumber, String cardNumber) {
}
