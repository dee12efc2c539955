package io.lendpoint.api.agreement;

/** A.3: the agreement ends "for any reason". */
public enum TerminationReason {
    /** A.4: expired at the end of its validity because a party objected to continuing. */
    EXPIRED_AFTER_OBJECTION,
    /** Ended early by agreement of both parties. */
    MUTUAL_AGREEMENT,
    /** Revoked by the library (e.g. the point broke its obligations). */
    REVOCATION
}
