package io.lendpoint.api.loanbatch;

/** §5.4.2: the compensation a point still owes, item by item (one page, oldest first), and the refunds owed to it. */
public record CompensationDueQuery(String servicePointId, int page, int size) {
}
