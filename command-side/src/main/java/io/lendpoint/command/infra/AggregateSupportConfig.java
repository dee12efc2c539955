package io.lendpoint.command.infra;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;


/**
 * Long-lived aggregates stay fast: a cache keeps loaded aggregates between commands ({@link AggregateCacheConfig}),
 * and a snapshot every {@code lendpoint.snapshots.threshold} events bounds what a cold load reads (measured in
 * ../shared/notes/standalone-stack.md: ~9 commands/s on one aggregate without either, ~1k/s with both).
 */
@org.springframework.context.annotation.Configuration
class AggregateSupportConfig {

    /**
     * Snapshots are taken on a thread of their own after the command has committed. Taken synchronously (Axon's
     * default), the committing thread — still holding the aggregate's lock and its database connection — would
     * need a second connection for the snapshot, while the other commands queued on that lock hold the rest of
     * the pool: on a hot aggregate (many reservations on one card) that deadlocks until the pool times out.
     */
    @Bean(destroyMethod = "")
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor())
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aggregate-snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SnapshotTriggerDefinition servicePointSnapshotTrigger(Snapshotter snapshotter,
                                                         @Value("${lendpoint.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** A batch of up to 2000 items collects many events over its life; snapshots keep its load time flat. */
    @Bean
    SnapshotTriggerDefinition batchSnapshotTrigger(Snapshotter snapshotter,
                                                   @Value("${lendpoint.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** A card collects two events per batch for years; snapshots keep its load time flat. */
    @Bean
    SnapshotTriggerDefinition cardSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${lendpoint.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** A city-wide questionnaire collects a response event per point; snapshots keep its load time flat. */
    @Bean
    SnapshotTriggerDefinition questionnaireSnapshotTrigger(Snapshotter snapshotter,
                                                           @Value("${lendpoint.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
