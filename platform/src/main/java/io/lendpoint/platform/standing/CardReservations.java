package io.lendpoint.platform.standing;

/**
 * A.1.2: how a batch reserves capacity on its point's collective card — the card feature decides, through its
 * own command. Reservations are idempotent per batch, so a retried acceptance reserves nothing twice.
 */
public interface CardReservations {

    /** Reserves {@code quantity} items for {@code batchId}; refuses (a rule violation) beyond the card's capacity. */
    void reserve(String servicePointId, String batchId, int quantity);

    /** Releases {@code quantity} of what {@code batchId} reserved (items accounted for, or never picked). */
    void release(String servicePointId, String batchId, int quantity);
}
