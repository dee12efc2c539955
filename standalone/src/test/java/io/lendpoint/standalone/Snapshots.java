package io.lendpoint.standalone;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/** Snapshots taken when a test needs one, as the aggregate's trigger would take it. */
final class Snapshots {

    private Snapshots() {
    }

    /**
     * Requests a snapshot of aggregate {@code id} (of the aggregate class named {@code aggregateType}) from the
     * application's snapshotter until the store holds one that covers the event with sequence number {@code sequence}:
     * snapshots are taken on their own thread, and Axon drops a request made while another for the same aggregate runs.
     */
    static void await(ApplicationContext app, String aggregateType, String id, long sequence) {
        Snapshotter snapshotter = app.getBean(Snapshotter.class);
        Class<?> type = app.getBean(Configuration.class).findModules(AggregateConfiguration.class).stream()
                .map(AggregateConfiguration::aggregateType)
                .filter(aggregate -> aggregate.getSimpleName().equals(aggregateType)).findFirst().orElseThrow();
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        Eventually.await(Duration.ofSeconds(30), () -> {
            snapshotter.scheduleSnapshot(type, id);
            return jdbc.queryForObject(
                    "SELECT COALESCE(MAX(sequenceNumber), -1) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                    Long.class, id);
        }, n -> n >= sequence);
    }
}
