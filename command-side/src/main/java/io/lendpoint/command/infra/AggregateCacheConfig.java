package io.lendpoint.command.infra;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.WeakReferenceCache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loaded aggregates are kept between commands, so that a command does not read its aggregate's events again.
 * <ul>
 * <li>The small, long-lived aggregates that almost every rule asks about — service points, agreements, cards
 * ({@code Standings}) — are kept in bounded caches on the heap, {@code lendpoint.aggregate-cache.entries} of each
 * (when one is full, Ehcache evicts an entry it judges least recently used from a sample). Held by weak reference,
 * as before, they were gone at the next collection: in a 2,000-point city most commands met a point not loaded
 * since it was generated, and loaded its events through the index of a table of 7.9 million rows, ~3.5 ms a
 * command (docs/benchmarks.md, "Eighth run").</li>
 * <li>Loan batches — up to 2,000 items each and thousands out at once — are kept fewer: about the most recently
 * used {@code lendpoint.aggregate-cache.batch-entries} ({@code batchCache}; Ehcache evicts from a sample).</li>
 * <li>Recruitment campaigns are held by weak reference ({@code aggregateCache}): kept while something refers to
 * them, gone at the next collection that finds them unreferenced. The other aggregates name no cache and are
 * loaded for each command.</li>
 * </ul>
 * With {@code entries} or {@code batch-entries} 0 those caches are weak-reference caches too. Distributed mode
 * sets both (command-side.yml): there an instance that owned an aggregate before its ownership moved may still
 * hold an old copy, and kept for good it would fail the first command routed back to it (409, retry). Standing
 * queries read no cache there at all ({@code StandingLoads}).
 */
@Configuration
class AggregateCacheConfig {

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean(destroyMethod = "close")
    CacheManager keptAggregates() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    Cache servicePointCache(CacheManager keptAggregates, @Value("${lendpoint.aggregate-cache.entries:10000}") long entries) {
        return kept(keptAggregates, "service-points", entries);
    }

    @Bean
    Cache agreementCache(CacheManager keptAggregates, @Value("${lendpoint.aggregate-cache.entries:10000}") long entries) {
        return kept(keptAggregates, "agreements", entries);
    }

    @Bean
    Cache cardCache(CacheManager keptAggregates, @Value("${lendpoint.aggregate-cache.entries:10000}") long entries) {
        return kept(keptAggregates, "cards", entries);
    }

    /**
     * Loan batches: about the most recently used {@code lendpoint.aggregate-cache.batch-entries} (64) kept, about
     * 0.75 MB each with 2,000 items (a 2,000-item list and a map of 1,000 loans, measured apart: 747 kB). Held by
     * weak reference only, a batch is gone at the next young collection after its command, and the next command
     * reads its events again (two lists of 2,000 items). With a collection between the steps of a batch's life
     * (every 0.2–0.7 s in a benchmark that made much garbage) the steps spent 2.2–3.7 ms in the handler against
     * 0.4–0.8 ms kept; with fewer collections, no difference (docs/benchmarks.md).
     */
    @Bean
    Cache batchCache(CacheManager keptAggregates,
                     @Value("${lendpoint.aggregate-cache.batch-entries:64}") long entries) {
        return kept(keptAggregates, "batches", entries);
    }

    private static Cache kept(CacheManager manager, String name, long entries) {
        if (entries <= 0) {
            return new WeakReferenceCache();
        }
        return new EhCache3Adapter((Ehcache<?, ?>) manager.createCache(name, CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(entries))));
    }
}
