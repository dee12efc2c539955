package io.lendpoint.api.loanbatch;

/** A.1.2, §5.4: how many items a point has out, batch by batch (shipped and not yet accounted for). */
public record PointOutstandingQuery(String servicePointId) {
}
