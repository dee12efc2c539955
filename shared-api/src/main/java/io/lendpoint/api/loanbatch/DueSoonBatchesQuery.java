package io.lendpoint.api.loanbatch;

/** §5.4.1: batches due within {@code withinDays} days that are not back yet, soonest first; one page. */
public record DueSoonBatchesQuery(int withinDays, int page, int size) {
}
