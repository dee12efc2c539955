package io.lendpoint.api.servicepoint;

import java.util.List;

/** One page of {@link ServicePointSummary} rows and the total that matched. */
public record ServicePointPage(List<ServicePointSummary> items, long total, int page, int size) {
}
