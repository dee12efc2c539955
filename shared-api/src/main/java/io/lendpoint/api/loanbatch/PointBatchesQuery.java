package io.lendpoint.api.loanbatch;

/** The loan batches of one point, newest request first, optionally of one status; one page. */
public record PointBatchesQuery(String servicePointId, BatchStatus status, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;
}
