package io.lendpoint.api.agreement;

import java.time.Instant;

/**
 * One step of a point's agreement history: the event type, the contract it belongs to, the status after it,
 * when, by whom (user and role from the event's audit metadata) and a readable summary.
 */
public record AgreementHistoryEntry(long sequence, String event, int contractNumber, AgreementStatus status,
                                    Instant at, String by, String role, String summary) {
}
