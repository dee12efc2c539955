package io.lendpoint.api.servicepoint;

import java.time.Instant;

/**
 * One step of a service point's history: what happened ({@code event}, the event's type), the status after
 * it, when, by whom (user and role from the event's audit metadata), and a note or reason.
 */
public record StatusChange(long sequence, String event, ServicePointStatus status, Instant at, String by,
                           String role, String note) {
}
