package io.lendpoint.api.operations;

import java.util.List;

/** One page of feedback and the total that matched. */
public record FeedbackPage(List<FeedbackView> items, long total, int page, int size) {
}
