package io.lendpoint.api.card;

/** A.1.2: capacity a loan batch ({@code reservationId}) holds on the card. */
public record CardReservation(String reservationId, int quantity) {
}
