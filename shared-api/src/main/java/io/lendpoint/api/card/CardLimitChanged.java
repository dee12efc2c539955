package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** A.1.2, A.5: the card's limit changed. */
@Revision("1")
public record CardLimitChanged(String cardId, int previousLimit, int itemLimit) {
}
