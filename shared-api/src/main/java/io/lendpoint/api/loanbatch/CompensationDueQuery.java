package io.lendpoint.api.loanbatch;

/** §5.4.2: the compensation a point still owes, item by item. */
public record CompensationDueQuery(String servicePointId) {
}
