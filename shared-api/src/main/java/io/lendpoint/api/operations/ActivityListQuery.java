package io.lendpoint.api.operations;

/** §6.4: activities, latest planned first, optionally of one point and of one status. */
public record ActivityListQuery(String servicePointId, String status, int page, int size) {
}
