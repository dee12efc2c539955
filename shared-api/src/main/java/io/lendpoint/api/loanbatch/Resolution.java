package io.lendpoint.api.loanbatch;

/** §5.2: how a receipt discrepancy was settled. */
public enum Resolution {
    /** A missing item turned up at the point: it is received. */
    FOUND,
    /** A missing item never arrived: it leaves the batch and the card's capacity is released. */
    WRITTEN_OFF,
    /** An extra item was sent back to the library. */
    RETURNED,
    /** A damaged item stays in the batch as it is; the damage is on record, not the point's responsibility. */
    ACCEPTED_AS_IS
}
