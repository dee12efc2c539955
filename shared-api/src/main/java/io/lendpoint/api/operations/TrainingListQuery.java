package io.lendpoint.api.operations;

/** §6.1, A.1.4: trainings, newest planned first, optionally only those a point was invited to. */
public record TrainingListQuery(String servicePointId, int page, int size) {
}
