package io.lendpoint.standalone;

import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStandingQuery;
import io.lendpoint.api.card.ItemsReserved;
import io.lendpoint.api.card.ReserveItems;
import io.lendpoint.api.error.RuleViolationDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A.1.2 under concurrency: many reservations fired in parallel at one card, asking together for about twice its
 * limit. Whatever the interleaving, what was granted never exceeds 2000, and it is exactly what the card and its
 * event stream say.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CardCapacityConcurrencyTest {

    private static final int THREADS = 16;
    private static final int RESERVATIONS = 240;

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-cap-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;

    @RepeatedTest(3)
    @DisplayName("A.1.2 the 2000-item cap holds under parallel reservations on one card")
    void capHoldsUnderConcurrency() throws Exception {
        String point = "sp-cap-" + UUID.randomUUID().toString().substring(0, 8);
        LivePoints.live(commands, point);
        String card = CardIds.forServicePoint(point);

        Random random = new Random(point.hashCode());
        List<Integer> quantities = new ArrayList<>();
        for (int i = 0; i < RESERVATIONS; i++) {
            quantities.add(1 + random.nextInt(32)); // ~16.5 on average: ~4000 asked for in all
        }
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < RESERVATIONS; i++) {
            int n = i;
            all.add(pool.submit(() -> {
                start.await();
                try {
                    commands.sendAndWait(new ReserveItems(card, "batch-" + n, quantities.get(n)));
                    granted.addAndGet(quantities.get(n));
                } catch (CommandExecutionException e) {
                    boolean capacity = e.getDetails().filter(RuleViolationDetails.class::isInstance)
                            .map(d -> ((RuleViolationDetails) d).code().equals("card.capacity-exceeded"))
                            .orElse(false);
                    if (capacity) {
                        refused.incrementAndGet();
                    } else {
                        unexpected.add(e);
                    }
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        assertThat(refused.get()).as("the demand exceeded the limit, so some were refused").isPositive();
        assertThat(granted.get()).isLessThanOrEqualTo(2000);
        CardStanding standing = queries.query(new CardStandingQuery(point), CardStanding.class).join();
        assertThat(standing.reserved()).isEqualTo(granted.get());
        int inEvents = eventStore.readEvents(card, 0).asStream() // from 0: not from the latest snapshot
                .filter(e -> e.getPayload() instanceof ItemsReserved)
                .mapToInt(e -> ((ItemsReserved) e.getPayload()).quantity()).sum();
        assertThat(inEvents).isEqualTo(granted.get());
        // the cap is nearly reached: what is left is smaller than the smallest refused request could be
        assertThat(2000 - granted.get()).isLessThan(32);
    }
}
