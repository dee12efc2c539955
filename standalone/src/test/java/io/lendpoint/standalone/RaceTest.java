package io.lendpoint.standalone;

import io.lendpoint.api.loanbatch.LendItems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Races the frontends can cause: invariants hold in every trial. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RaceTest {

    @DynamicPropertySource
    static void standaloneOnTemporaryData(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("lendpoint-race-test").toString();
        registry.add("lendpoint.data-dir", () -> data);
        registry.add("lendpoint.mongo.port", () -> 0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;

    private static final AtomicInteger trial = new AtomicInteger();

    private <T> List<T> race(int threads, Callable<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return action.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    @RepeatedTest(3)
    @DisplayName("§5.3.1 eight readers borrow the same book at once: exactly one gets it, one ItemLent is stored")
    void oneBookOneReader() throws Exception {
        String point = "sp-race-" + trial.incrementAndGet();
        LivePoints.activated(commands, point);
        LivePoints.receivedBatch(commands, point, "b-" + point, "RC" + trial.get() + "001");
        AtomicInteger reader = new AtomicInteger();
        List<Boolean> lent = race(8, () -> {
            try {
                commands.sendAndWait(new LendItems("b-" + point, point, "R-" + reader.incrementAndGet(),
                        List.of("RC" + trial.get() + "001"), LivePoints.today()));
                return true;
            } catch (RuntimeException refused) {
                return false;
            }
        });
        assertThat(lent.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE "
                + "aggregateIdentifier = ? AND payloadType LIKE '%ItemLent'", Long.class, "b-" + point)).isEqualTo(1);
    }

    @RepeatedTest(3)
    @DisplayName("§5.3.1 one batch, many hands: eight threads lend and take back their own items at once; every "
            + "acknowledged command's event is stored once, the batch's sequence has no gap")
    void oneBatchManyHands() throws Exception {
        String point = "sp-hands-" + trial.incrementAndGet();
        String batch = "b-" + point;
        int threads = 8;
        int itemsEach = 5;
        String[] barcodes = new String[threads * itemsEach];
        for (int i = 0; i < barcodes.length; i++) {
            barcodes[i] = "MH%d-%03d".formatted(trial.get(), i);
        }
        LivePoints.activated(commands, point);
        LivePoints.receivedBatch(commands, point, batch, barcodes);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, batch);
        AtomicInteger hand = new AtomicInteger();
        List<Integer> acknowledged = race(threads, () -> {
            int h = hand.getAndIncrement();
            int done = 0;
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < itemsEach; k++) {
                    String barcode = barcodes[h * itemsEach + k];
                    commands.sendAndWait(new LendItems(batch, point, "R-" + h, List.of(barcode), LivePoints.today()));
                    commands.sendAndWait(new io.lendpoint.api.loanbatch.TakeBackItems(batch, point, List.of(barcode),
                            LivePoints.today()));
                    done += 2;
                }
            }
            return done;
        });
        int commandsAcknowledged = acknowledged.stream().mapToInt(Integer::intValue).sum();
        assertThat(commandsAcknowledged).isEqualTo(threads * itemsEach * 3 * 2);
        List<Long> sequence = jdbc.queryForList("SELECT sequenceNumber FROM DomainEventEntry WHERE "
                + "aggregateIdentifier = ? ORDER BY sequenceNumber", Long.class, batch);
        assertThat(sequence).as("the batch's sequence numbers: no gap, no duplicate")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, sequence.size()).boxed().toList());
        assertThat(sequence.size() - before).as("one event per acknowledged lend or take-back")
                .isEqualTo(commandsAcknowledged);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND "
                + "payloadType LIKE '%ItemLent'", Long.class, batch)).isEqualTo(threads * itemsEach * 3);
    }

    @RepeatedTest(3)
    @DisplayName("eight duplicate submissions with one Idempotency-Key at once: one consultation is stored, no 5xx")
    void duplicateSubmissions() throws Exception {
        String point = "sp-dup-" + trial.incrementAndGet();
        LivePoints.activated(commands, point);
        Api staff = Api.at(port).as("staff", "staff-demo");
        String key = "dup-" + trial.get();
        long before = questionsAsked();
        List<Integer> statuses = race(8, () -> staff.postWithKey("/api/service-points/" + point + "/consultations",
                "{\"channel\":\"PHONE\",\"question\":\"同时提交\"}", key).status());
        assertThat(statuses).allMatch(status -> status == 201 || status == 409);
        assertThat(statuses).contains(201);
        assertThat(questionsAsked() - before).isEqualTo(1);
    }

    private long questionsAsked() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType "
                + "LIKE '%QuestionAsked'", Long.class);
    }
}
