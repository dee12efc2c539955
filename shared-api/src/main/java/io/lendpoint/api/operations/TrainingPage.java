package io.lendpoint.api.operations;

import java.util.List;

/** One page of trainings and the total that matched. */
public record TrainingPage(List<TrainingView> items, long total, int page, int size) {
}
