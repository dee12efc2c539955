package io.lendpoint.api.evaluation;

/** §7.2: improvement actions, earliest due first, optionally of one point, only open or only overdue ones. */
public record ImprovementListQuery(String servicePointId, boolean openOnly, boolean overdueOnly, int page, int size) {
}
