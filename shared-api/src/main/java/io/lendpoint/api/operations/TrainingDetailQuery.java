package io.lendpoint.api.operations;

/** §6.1: one training. */
public record TrainingDetailQuery(String trainingId) {
}
