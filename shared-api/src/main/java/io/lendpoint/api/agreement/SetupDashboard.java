package io.lendpoint.api.agreement;

import io.lendpoint.api.card.CardStatus;

import java.time.LocalDate;
import java.util.Map;

/**
 * Counts for the setup dashboard ({@code today} in Asia/Shanghai): agreements by status, collective cards by
 * status, agreements in force ending within 30/60/90 days (A.4), points in the return period and points
 * overdue on termination (A.3).
 */
public record SetupDashboard(LocalDate today, Map<AgreementStatus, Long> agreementsByStatus,
                             Map<CardStatus, Long> cardsByStatus, long expiringWithin30Days,
                             long expiringWithin60Days, long expiringWithin90Days, long inReturnPeriod,
                             long overdueOnTermination) {
}
