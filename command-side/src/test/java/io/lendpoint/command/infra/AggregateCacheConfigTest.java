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
    @DisplayName("a kept cache holds at most lendpoint.aggregate-cache.entries of its aggregates; batches batch-entries, 64 unless set")
    void bounded() {
        context.withPropertyValues("lendpoint.aggregate-cache.entries=10", "lendpoint.aggregate-cache.batch-entries=3")
                .run(app -> {
                    for (String name : new String[] {"servicePointCache", "agreementCache", "cardCache"}) {
                        assertThat(keptOf(app.getBean(name, Cache.class), 50)).as(name).isBetween(4L, 10L);
                    }
                    assertThat(keptOf(app.getBean("batchCache", Cache.class), 50)).isBetween(1L, 3L);
                });
        context.run(app -> assertThat(keptOf(app.getBean("batchCache", Cache.class), 200)).isBetween(11L, 64L));
    }

    @Test
    @DisplayName("with entries 0 and batch-entries 0 (distributed mode) every aggregate is held by weak reference only; each property alone decides its caches")
    void weakOnlyWhenNoEntries() {
        context.withPropertyValues("lendpoint.aggregate-cache.entries=0", "lendpoint.aggregate-cache.batch-entries=0")
                .run(app -> {
                    for (String name : KEPT) {
                        assertThat(app.getBean(name, Cache.class)).as(name).isInstanceOf(WeakReferenceCache.class);
                    }
                });
        context.withPropertyValues("lendpoint.aggregate-cache.entries=0").run(app -> {
            assertThat(app.getBean("servicePointCache", Cache.class)).isInstanceOf(WeakReferenceCache.class);
            assertThat(app.getBean("batchCache", Cache.class)).isInstanceOf(EhCache3Adapter.class);
        });
        context.withPropertyValues("lendpoint.aggregate-cache.batch-entries=0").run(app -> {
            assertThat(app.getBean("servicePointCache", Cache.class)).isInstanceOf(EhCache3Adapter.class);
            assertThat(app.getBean("batchCache", Cache.class)).isInstanceOf(WeakReferenceCache.class);
        });
    }

    /** Puts {@code n} entries into the cache and counts those it still holds. */
    private static long keptOf(Cache cache, int n) {
        IntStream.range(0, n).forEach(i -> cache.put("key-" + i, new Object()));
        return IntStream.range(0, n).filter(i -> cache.containsKey("key-" + i)).count();
    }

    private static void collectGarbage() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
    }
}
