package io.lendpoint.api.operations;

/** §6.3: feedback, newest first, optionally of one point, or only open problems (oldest first). */
public record FeedbackListQuery(String servicePointId, boolean openOnly, int page, int size) {
}
