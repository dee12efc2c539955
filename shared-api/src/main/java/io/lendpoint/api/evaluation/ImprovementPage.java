package io.lendpoint.api.evaluation;

import java.util.List;

/** One page of improvement actions and the total that matched. */
public record ImprovementPage(List<ImprovementView> items, long total, int page, int size) {
}
