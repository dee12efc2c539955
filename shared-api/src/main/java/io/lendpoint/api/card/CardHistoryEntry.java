package io.lendpoint.api.card;

import java.time.Instant;

/** One step of a card's history: event type, status after it, when, by whom (audit metadata), summary. */
public record CardHistoryEntry(long sequence, String event, CardStatus status, Instant at, String by, String role,
                               String summary) {
}
