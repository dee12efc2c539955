package io.lendpoint.api.loanbatch;

/** §5.2: what the point found on receipt that does not match the item list. */
public enum DiscrepancyKind {
    /** On the list, not received. */
    MISSING,
    /** Received, not on the list. */
    EXTRA,
    /** Received damaged. */
    DAMAGED_ON_ARRIVAL
}
