package io.lendpoint.command.loanbatch;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.jdbc.LocalPostgres;
import io.lendpoint.platform.jdbc.StartingTogether;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * §5.2 one item in one open batch, on a real PostgreSQL (distributed mode's command-side database), started from the
 * machine's own binaries ({@link LocalPostgres}; skipped where there are none): instances starting together, a batch's
 * 2000 items claimed and released, and two batches claiming the same items at once, each in a transaction as in a
 * command.
 */
class JdbcBarcodeClaimsPostgresTest {

    @Test
    @DisplayName("distributed: eight command-side instances starting at once on a new database all start")
    void instancesStartingTogether() throws Exception {
        for (DataSource database : StartingTogether.onNewDatabases(5, 8,
                database -> new JdbcBarcodeClaims(database).afterPropertiesSet())) {
            new JdbcBarcodeClaims(database).claim("batch-1", List.of("B0001"));
        }
    }

    @Test
    @DisplayName("§5.2 distributed: a batch's 2000 items are claimed, refused to another batch, and free once released")
    void claimAndRelease() {
        DataSource database = LocalPostgres.server().newDatabase();
        JdbcBarcodeClaims claims = claims(database);
        List<String> items = barcodes(0, 2000);

        claims.claim("batch-1", items);
        claims.claim("batch-1", items.subList(0, 10)); // its own again: no change

        assertThatThrownBy(() -> claims.claim("batch-2", List.of("B0100", "X")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("item.in-another-batch"))
                .hasMessageContaining("B0100");
        assertThat(rows(database)).isEqualTo(2000);

        claims.release("batch-1", items);
        claims.claim("batch-2", List.of("B0100", "X"));
        assertThat(rows(database)).isEqualTo(2);
    }

    @Test
    @DisplayName("§5.2 distributed: of two batches claiming the same items at once, one gets them and the other is refused")
    void twoBatchesAtOnce() throws Exception {
        DataSource database = LocalPostgres.server().newDatabase();
        JdbcBarcodeClaims claims = claims(database);
        TransactionTemplate command = new TransactionTemplate(new DataSourceTransactionManager(database));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                List<String> items = barcodes(round * 1000, 1000);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> attempts = new ArrayList<>();
                for (String batch : List.of("batch-a" + round, "batch-b" + round)) {
                    attempts.add(threads.submit(() -> {
                        start.await();
                        command.executeWithoutResult(status -> claims.claim(batch, items)); // as in a command
                        return null;
                    }));
                }
                start.countDown();
                int refused = 0;
                for (Future<?> attempt : attempts) {
                    try {
                        attempt.get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(RuleViolation.class);
                        refused++;
                    }
                }
                assertThat(refused).isEqualTo(1);
                assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(DISTINCT batch_id) FROM "
                        + "open_batch_item WHERE barcode IN ('" + items.get(0) + "', '" + items.get(999) + "')",
                        Long.class)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows(database)).isEqualTo(10_000);
    }

    private static JdbcBarcodeClaims claims(DataSource database) {
        JdbcBarcodeClaims claims = new JdbcBarcodeClaims(database);
        claims.afterPropertiesSet();
        return claims;
    }

    private static List<String> barcodes(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> String.format("B%04d", i)).toList();
    }

    private static long rows(DataSource database) {
        return new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM open_batch_item", Long.class);
    }
}
