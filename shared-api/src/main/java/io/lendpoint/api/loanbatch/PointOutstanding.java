package io.lendpoint.api.loanbatch;

import java.time.LocalDate;
import java.util.List;

/** The answer to {@link PointOutstandingQuery}. */
public record PointOutstanding(String servicePointId, int itemsOut, List<Batch> batches) {

    public record Batch(String batchId, BatchStatus status, int itemsOut, LocalDate dueOn, boolean overdue) {
    }
}
