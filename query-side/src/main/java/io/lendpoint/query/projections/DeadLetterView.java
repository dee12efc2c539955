package io.lendpoint.query.projections;

import java.time.Instant;

/** One parked event: its processing group, what it is, why it failed, when it was parked and last tried. */
record DeadLetterView(String processingGroup, String eventType, String aggregateId, Long sequence, Instant timestamp,
                      String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
}
