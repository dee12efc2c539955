package io.lendpoint.api.loanbatch;

/**
 * A.1.2, §5.4: how many items a point has out (shipped and not yet back or inspected as lost), in total and batch by
 * batch (one page, earliest due first).
 */
public record PointOutstandingQuery(String servicePointId, int page, int size) {
}
