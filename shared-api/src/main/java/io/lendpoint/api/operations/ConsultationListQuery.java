package io.lendpoint.api.operations;

/**
 * §6.1: consultations, optionally of one point ({@code servicePointId}), only unanswered ones ({@code openOnly},
 * oldest first) or only overdue ones ({@code overdueOnly}); otherwise newest first.
 */
public record ConsultationListQuery(String servicePointId, boolean openOnly, boolean overdueOnly, int page, int size) {
}
