package io.lendpoint.api.loanbatch;

import java.time.LocalDate;

/** §5.4.1: deadline payload, due {@code daysBefore} days before {@code dueOn}; stale once renewed or returned. */
public record ReminderDue(String batchId, LocalDate dueOn, int daysBefore) {
}
