package io.lendpoint.api.loanbatch;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One notice in a point's in-app inbox: {@code kind} is {@code due-reminder} (with {@code daysBefore}) or
 * {@code overdue}; texts are rendered by the frontend from these fields in its language.
 */
public record InboxMessage(String id, String servicePointId, String batchId, String kind, LocalDate dueOn,
                           Integer daysBefore, int itemsOut, Instant createdAt) {
}
