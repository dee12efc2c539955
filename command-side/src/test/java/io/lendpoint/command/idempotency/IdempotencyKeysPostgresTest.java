package io.lendpoint.command.idempotency;

import io.lendpoint.platform.jdbc.LocalPostgres;
import io.lendpoint.platform.jdbc.StartingTogether;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency keys on a real PostgreSQL (distributed mode's command-side database), started from the machine's own
 * binaries ({@link LocalPostgres}; skipped where there are none): instances starting together, a key claimed once,
 * its response kept, old keys forgotten.
 */
class IdempotencyKeysPostgresTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    @DisplayName("distributed: eight command-side instances starting at once on a new database all start")
    void instancesStartingTogether() throws Exception {
        for (DataSource database : StartingTogether.onNewDatabases(5, 8,
                database -> new IdempotencyKeys(database).afterPropertiesSet())) {
            assertThat(new IdempotencyKeys(database).claim("k", "f", NOW)).isTrue();
        }
    }

    @Test
    @DisplayName("distributed: of eight requests with one key at once, exactly one runs; its response is replayed")
    void oneKeyClaimedOnce() throws Exception {
        IdempotencyKeys keys = keys();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return keys.claim("key-1", "fingerprint-1", NOW);
                };
                claims.add(threads.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }

        assertThat(keys.find("key-1")).hasValueSatisfying(stored -> assertThat(stored.completed()).isFalse());
        keys.complete("key-1", 201, "application/json", "/api/batches/b-1", "{\"id\":\"b-1\"}");
        assertThat(keys.find("key-1")).contains(new StoredResponse("fingerprint-1", true, 201, "application/json",
                "/api/batches/b-1", "{\"id\":\"b-1\"}"));
    }

    @Test
    @DisplayName("distributed: a released key can be claimed again, and a key older than a day is forgotten")
    void releasedAndExpiredKeys() {
        IdempotencyKeys keys = keys();
        assertThat(keys.claim("key-1", "f", NOW)).isTrue();
        keys.release("key-1");
        assertThat(keys.claim("key-1", "f", NOW)).isTrue();
        assertThat(keys.claim("key-1", "f", NOW.plus(IdempotencyKeys.KEEP).minusSeconds(1))).isFalse();

        assertThat(keys.claim("key-2", "f", NOW.plus(IdempotencyKeys.KEEP).plusSeconds(1))).isTrue();
        assertThat(keys.find("key-1")).isEmpty();
    }

    private static IdempotencyKeys keys() {
        IdempotencyKeys keys = new IdempotencyKeys(LocalPostgres.server().newDatabase());
        keys.afterPropertiesSet();
        return keys;
    }
}
