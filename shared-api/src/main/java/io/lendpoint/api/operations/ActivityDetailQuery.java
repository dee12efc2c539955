package io.lendpoint.api.operations;

/** §6.4: one activity. */
public record ActivityDetailQuery(String activityId) {
}
