package io.lendpoint.api.loanbatch;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@link PointOutstandingQuery}: {@code itemsOut} over all {@code batchCount} batches with items out,
 * {@code batches} one page of them.
 */
public record PointOutstanding(String servicePointId, int itemsOut, long batchCount, List<Batch> batches, int page,
                               int size) {

    public record Batch(String batchId, BatchStatus status, int itemsOut, LocalDate dueOn, boolean overdue) {
    }
}
