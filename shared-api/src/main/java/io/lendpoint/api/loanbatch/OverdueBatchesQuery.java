package io.lendpoint.api.loanbatch;

/** §5.4.1: batches past their due date with items still out, oldest due first; one page. */
public record OverdueBatchesQuery(int page, int size) {
}
