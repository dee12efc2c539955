package io.lendpoint.api.audit;

/**
 * Keys of the audit metadata that every command, query and event carries (besides Axon's own
 * {@code correlationId} and {@code traceId}): who did it, in which role, in which HTTP request.
 */
public final class AuditMetadata {

    public static final String USER = "userId";
    public static final String ROLE = "userRole";
    public static final String REQUEST_ID = "requestId";
    /** Axon's {@code MessageOriginProvider} keys, repeated here so readers need not import Axon. */
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACE_ID = "traceId";

    private AuditMetadata() {
    }
}
