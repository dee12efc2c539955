package io.lendpoint.api.operations;

/** §6.3: one piece of feedback. */
public record FeedbackDetailQuery(String feedbackId) {
}
