package io.lendpoint.query.audit;

import java.util.List;

/**
 * A page of the audit search: the matching events in stream order, and {@code nextPosition} to continue from
 * (null when the end of the requested range was reached).
 */
record AuditEventPage(List<AuditEvent> items, Long nextPosition, int size) {
}
