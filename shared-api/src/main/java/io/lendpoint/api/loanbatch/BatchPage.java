package io.lendpoint.api.loanbatch;

import java.util.List;

/** One page of a point's batches and the total that matched. */
public record BatchPage(List<BatchView> items, long total, int page, int size) {
}
