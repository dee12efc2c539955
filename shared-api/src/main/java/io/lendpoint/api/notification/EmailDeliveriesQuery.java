package io.lendpoint.api.notification;

/** §5.4.1: the e-mails sent (or tried) for a point's notices, newest first, and the address they go to now. */
public record EmailDeliveriesQuery(String servicePointId, int page, int size) {
}
