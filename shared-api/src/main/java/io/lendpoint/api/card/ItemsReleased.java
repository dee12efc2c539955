package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** A.1.2: capacity released as items of a reservation were accounted for. */
@Revision("1")
public record ItemsReleased(String cardId, String reservationId, int quantity, int reservedTotal) {
}
