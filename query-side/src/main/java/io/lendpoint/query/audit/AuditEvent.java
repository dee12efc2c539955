package io.lendpoint.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as an auditor reads it: where it sits ({@code position} in the whole stream, when known;
 * aggregate and sequence), when, what ({@code type}, the event's simple name), who did it (user, role), the request
 * and correlation it belongs to, and its payload — personal data masked unless the reader is the library
 * administrator.
 */
record AuditEvent(Long position, String aggregateType, String aggregateId, long sequence, Instant timestamp,
                         String type, String user, String role, String requestId, String correlationId,
                         String traceId, JsonNode payload) {
}
