package io.lendpoint.command.infra;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCacheConfigTest {

    private static final String[] KEPT = {"servicePointCache", "agreementCache", "cardCache", "batchCache"};

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AggregateCacheConfig.class);

    @Test
    @DisplayName("points, agreements, cards and recent batches stay cached through a garbage collection; campaigns are held weakly")
    void keptThroughGarbageCollection() {
        context.run(app -> {
            for (String name : KEPT) {
                Cache cache = app.getBean(name, Cache.class);
                assertThat(cache).as(name).isInstanceOf(EhCache3Adapter.class);
                cache.put("sp-1", new StringBuilder("an aggregate nothing else refers to"));
                collectGarbage();
                assertThat(cache.containsKey("sp-1")).as(name).isTrue();
            }
            assertThat(app.getBean("aggregateCache", Cache.class)).isInstanceOf(WeakReferenceCache.class);
        });
    }

    @Test
    @DisplayName("a kept cache holds at most lendpoint.aggregate-cache.entries of its aggregates")
    void bounded() {
        context.withPropertyValues("lendpoint.aggregate-cache.entries=10", "lendpoint.aggregate-cache.batch-entries=10").run(app -> {
            for (String name : KEPT) {
                Cache cache = app.getBean(name, Cache.class);
                IntStream.range(0, 50).forEach(i -> cache.put("sp-" + i, new Object()));
                long kept = IntStream.range(0, 50).filter(i -> cache.containsKey("sp-" + i)).count();
                assertThat(kept).as(name).isBetween(1L, 10L);
            }
        });
    }

    @Test
    @DisplayName("with entries 0 (distributed mode) every aggregate is held by weak reference only")
    void weakOnlyWhenNoEntries() {
        context.withPropertyValues("lendpoint.aggregate-cache.entries=0", "lendpoint.aggregate-cache.batch-entries=0").run(app -> {
            for (String name : KEPT) {
                assertThat(app.getBean(name, Cache.class)).as(name).isInstanceOf(WeakReferenceCache.class);
            }
        });
    }

    private static void collectGarbage() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
    }
}
