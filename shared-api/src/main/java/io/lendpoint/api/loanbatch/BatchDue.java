package io.lendpoint.api.loanbatch;

import java.time.LocalDate;

/** §5.4.1: deadline payload, due when the loan period ending on {@code dueOn} is over; stale once renewed. */
public record BatchDue(String batchId, LocalDate dueOn) {
}
