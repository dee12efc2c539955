package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** A.3: the card was cancelled (注销). */
@Revision("1")
public record CardCancelled(String cardId, String servicePointId, String cardNumber, String reason) {
}
