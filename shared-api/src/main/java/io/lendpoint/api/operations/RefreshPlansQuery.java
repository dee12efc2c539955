package io.lendpoint.api.operations;

/** §6.2: refresh plans, earliest due first: of one point, or those due within {@code withinDays} (0: due now). */
public record RefreshPlansQuery(String servicePointId, Integer withinDays) {
}
