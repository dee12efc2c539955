package io.lendpoint.standalone;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.loanbatch.DueDateSet;
import io.lendpoint.api.loanbatch.DueReminderIssued;
import io.lendpoint.api.loanbatch.ReminderDue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * §5.4.1 reminders chained through the real deadline store (db-scheduler on the event store's database), not
 * Axon's stub: a receipt leaves two deadlines in the table, a reminder that fires schedules the next one there,
 * and the same reminder run a second time (as db-scheduler does when the instance that ran it died before marking
 * it done) reminds nobody again but schedules the next once more (in distributed mode the first firing's may have
 * been lost; here the next then fires twice, and its second firing reminds nobody either). A reminder is due 30
 * days before a due date a year away, so the test schedules the same deadline (name, payload, the batch's scope) a
 * few seconds ahead, as the receipt would have, and lets the scheduler fire it.
 */
class ReminderChainTest {

    private static final String CHAINED_REMINDER = "batch-due-reminder-chained";

    @TempDir
    Path data;

    @Test
    @DisplayName("§5.4.1 a fired reminder schedules the next in the durable store; fired again, it reminds nobody and schedules the next again")
    void reminderChainInTheDeadlineStore() {
        String point = "sp-remind";
        String batch = "batch-remind";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .run("--lendpoint.data-dir=" + data, "--lendpoint.mongo.port=0", "--db-scheduler.polling-interval=1s")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            LivePoints.activated(commands, point);
            LivePoints.receivedBatch(commands, point, batch, "RM0001", "RM0002");
            LocalDate due = app.getBean(EventStore.class).readEvents(batch, 0).asStream()
                    .map(e -> e.getPayload()).filter(DueDateSet.class::isInstance).map(DueDateSet.class::cast)
                    .findFirst().orElseThrow().dueOn();

            // the receipt committed the due deadline and the first reminder, not the later ones
            assertThat(PendingDeadlines.of(app)).contains(dayStart(due.plusDays(1)), reminderTime(due, 30))
                    .doesNotContain(reminderTime(due, 7), reminderTime(due, 1));

            fireSoon(app, batch, new ReminderDue(batch, due, 30));
            Eventually.await(Duration.ofSeconds(60), () -> reminders(app, batch), issued -> !issued.isEmpty());
            awaitFired(app);
            assertThat(reminders(app, batch)).containsExactly(new DueReminderIssued(batch, point, due, 30, 2));
            assertThat(PendingDeadlines.of(app)).containsOnlyOnce(reminderTime(due, 7))
                    .doesNotContain(reminderTime(due, 1));

            // the same reminder again: nothing issued; the next is scheduled again, in case the first was lost
            fireSoon(app, batch, new ReminderDue(batch, due, 30));
            awaitFired(app);
            assertThat(reminders(app, batch)).hasSize(1);
            assertThat(PendingDeadlines.of(app)).filteredOn(reminderTime(due, 7)::equals).hasSize(2);
            assertThat(PendingDeadlines.of(app)).doesNotContain(reminderTime(due, 1));

            // the 7-day reminder's two tasks: one reminder, and the 1-day one scheduled (twice: nothing lost)
            fireSoon(app, batch, new ReminderDue(batch, due, 7));
            fireSoon(app, batch, new ReminderDue(batch, due, 7));
            awaitFired(app);
            assertThat(reminders(app, batch)).containsExactly(new DueReminderIssued(batch, point, due, 30, 2),
                    new DueReminderIssued(batch, point, due, 7, 2));
            assertThat(PendingDeadlines.of(app)).filteredOn(reminderTime(due, 1)::equals).hasSize(2);
        }
    }

    private static void fireSoon(ConfigurableApplicationContext app, String batch, ReminderDue reminder) {
        app.getBean(DeadlineManager.class).schedule(Instant.now().plusSeconds(2), CHAINED_REMINDER, reminder,
                new AggregateScopeDescriptor("LoanBatch", batch));
    }

    /** Waits until no deadline is due within a day (the ones brought forward ran and left the table). */
    private static void awaitFired(ConfigurableApplicationContext app) {
        Eventually.await(Duration.ofSeconds(60), () -> PendingDeadlines.of(app),
                pending -> pending.stream().noneMatch(at -> at.isBefore(Instant.now().plus(Duration.ofDays(1)))));
    }

    private static List<DueReminderIssued> reminders(ConfigurableApplicationContext app, String batch) {
        return app.getBean(EventStore.class).readEvents(batch, 0).asStream().map(e -> e.getPayload())
                .filter(DueReminderIssued.class::isInstance).map(DueReminderIssued.class::cast).toList();
    }

    private static Instant reminderTime(LocalDate due, int daysBefore) {
        return dayStart(due.minusDays(daysBefore));
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(LibraryTime.ZONE).toInstant();
    }
}
