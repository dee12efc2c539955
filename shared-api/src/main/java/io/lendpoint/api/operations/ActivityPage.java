package io.lendpoint.api.operations;

import java.util.List;

/** One page of activities and the total that matched. */
public record ActivityPage(List<ActivityView> items, long total, int page, int size) {
}
