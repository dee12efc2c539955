package io.lendpoint.api.loanbatch;

/** §5.4.1: the in-app inbox of a point (reminders, overdue notices), newest first; one page. */
public record PointInboxQuery(String servicePointId, int page, int size) {
}
