package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** A.1.2: capacity reserved for a batch; {@code reservedTotal} is what the card now has out or promised. */
@Revision("1")
public record ItemsReserved(String cardId, String reservationId, int quantity, int reservedTotal, int itemLimit) {
}
