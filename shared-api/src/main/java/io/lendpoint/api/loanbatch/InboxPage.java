package io.lendpoint.api.loanbatch;

import java.util.List;

/** One page of a point's inbox. */
public record InboxPage(List<InboxMessage> items, long total, int page, int size) {
}
