package io.lendpoint.query.notification;

import io.lendpoint.api.loanbatch.BatchOverdue;
import io.lendpoint.api.loanbatch.DueReminderIssued;
import io.lendpoint.api.loanbatch.InboxMessage;

import java.time.Instant;

/**
 * §5.4.1: the notices the notification port delivers, one per fact. A notice's id is derived from what it is about
 * (batch, due date, lead time), so every channel can tell a redelivered or replayed event from a new notice.
 */
final class Notices {

    static final String DUE_REMINDER = "due-reminder";
    static final String OVERDUE = "overdue";

    private Notices() {
    }

    static InboxMessage of(DueReminderIssued event, Instant at) {
        return new InboxMessage(event.batchId() + ":" + event.dueOn() + ":due-in-" + event.daysBefore(),
                event.servicePointId(), event.batchId(), DUE_REMINDER, event.dueOn(), event.daysBefore(),
                event.itemsOut(), at);
    }

    static InboxMessage of(BatchOverdue event, Instant at) {
        return new InboxMessage(event.batchId() + ":" + event.dueOn() + ":overdue", event.servicePointId(),
                event.batchId(), OVERDUE, event.dueOn(), null, event.itemsOut(), at);
    }
}
