package io.lendpoint.command.infra;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Long-lived aggregates stay fast: a cache keeps loaded aggregates between commands, and a snapshot every
 * {@code lendpoint.snapshots.threshold} events bounds what a cold load reads (measured in
 * ../shared/notes/standalone-stack.md: ~9 commands/s on one aggregate without either, ~1k/s with both).
 */
@Configuration(proxyBeanMethods = false)
class AggregateSupportConfig {

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SnapshotTriggerDefinition servicePointSnapshotTrigger(Snapshotter snapshotter,
                                                         @Value("${lendpoint.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** A card collects two events per batch for years; snapshots keep its load time flat. */
    @Bean
    SnapshotTriggerDefinition cardSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${lendpoint.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
