package io.lendpoint.api.loanbatch;

/** §5.2, A.1.3: the items of one batch, in the order they were picked; answers {@link BatchItems}. */
public record BatchItemsQuery(String batchId) {
}
