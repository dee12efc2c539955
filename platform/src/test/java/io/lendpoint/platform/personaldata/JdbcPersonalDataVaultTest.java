package io.lendpoint.platform.personaldata;

import io.lendpoint.api.personaldata.Masking;
import io.lendpoint.api.personaldata.ProtectedValue;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JdbcPersonalDataVaultTest {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final String PHONE = "13800138000";

    private DataSource dataSource;
    private JdbcPersonalDataVault vault;

    @BeforeEach
    void newDatabase() {
        dataSource = database();
        vault = new JdbcPersonalDataVault(dataSource);
    }

    /** A new, empty database for one test: HSQLDB in memory, as standalone's key store (on disk there). */
    DataSource database() {
        return hsqldb("jdbc:hsqldb:mem:vault-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
    }

    @Test
    @DisplayName("A.6 a protected value reveals its plaintext")
    void roundTrip() {
        ProtectedValue id = vault.protect("holder-1", ID_NUMBER);
        ProtectedValue name = vault.protect("holder-1", "李小明");

        assertThat(id.subjectId()).isEqualTo("holder-1");
        assertThat(vault.reveal(id)).contains(ID_NUMBER);
        assertThat(vault.reveal(name)).contains("李小明");
        assertThat(vault.reveal(vault.protect("holder-1", ""))).contains("");
        assertThat(vault.isErased("holder-1")).isFalse();
    }

    @Test
    @DisplayName("A.6 a value stored in the clear before it was protected (format 0) reads without a key until its subject is erased")
    void legacyPlaintext() {
        ProtectedValue legacy = LegacyPlaintext.of("legacy:contact-1", PHONE);

        assertThat(vault.reveal(legacy)).contains(PHONE);
        assertThat(vault.reveal(LegacyPlaintext.of("legacy:contact-1", ""))).contains("");
        vault.erase("legacy:contact-1");
        assertThat(vault.reveal(legacy)).isEmpty();
        assertThat(vault.revealOrErased(legacy)).isEqualTo(Masking.ERASED);
        assertThatIllegalArgumentException().as("no key is made for a legacy subject")
                .isThrownBy(() -> vault.protect("legacy:contact-2", PHONE));
        assertThatIllegalArgumentException().as("the legacy form under another subject")
                .isThrownBy(() -> vault.reveal(LegacyPlaintext.of("holder-1", PHONE)));
    }

    @Test
    @DisplayName("A.6 a legacy subject is derived from who the person is, never from the value")
    void legacySubjects() {
        String subject = LegacyPlaintext.subjectFor("contact", "sp-1", "李老师");

        assertThat(subject).isEqualTo(LegacyPlaintext.subjectFor("contact", "sp-1", "李老师"))
                .isNotEqualTo(LegacyPlaintext.subjectFor("contact", "sp-2", "李老师"))
                .isNotEqualTo(LegacyPlaintext.subjectFor("contact", "sp-1", "陈老师"))
                .startsWith("legacy:contact-").doesNotContain("李老师");
        assertThat(vault.reveal(vault.protect("contact-sp-legacy-1-1", PHONE))).as("an ordinary subject naming a "
                + "point whose id holds the word").contains(PHONE);
    }

    @Test
    @DisplayName("A.6 the ciphertext never contains the plaintext and differs every time (random IV)")
    void ciphertextHidesThePlaintext() {
        ProtectedValue first = vault.protect("holder-1", PHONE);
        ProtectedValue second = vault.protect("holder-1", PHONE);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        for (ProtectedValue value : List.of(first, second)) {
            assertThat(value.ciphertext()).doesNotContain(PHONE).doesNotContain("8000");
            byte[] bytes = Base64.getDecoder().decode(value.ciphertext());
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(PHONE);
            // version ‖ 12-byte IV ‖ ciphertext (as long as the UTF-8 plaintext) ‖ 16-byte tag
            assertThat(bytes[0]).isEqualTo((byte) 1);
            assertThat(bytes).hasSize(1 + 12 + PHONE.length() + 16);
        }
        assertThat(first.toString()).doesNotContain(first.ciphertext());
    }

    @Test
    @DisplayName("A.6 an altered ciphertext, or one presented under another subject, is refused (not shown as erased)")
    void tamperingIsDetected() {
        vault.protect("holder-2", "someone else");
        ProtectedValue value = vault.protect("holder-1", ID_NUMBER);
        byte[] bytes = Base64.getDecoder().decode(value.ciphertext());

        for (int position = 0; position < bytes.length; position++) { // version, IV, ciphertext and tag
            byte[] altered = bytes.clone();
            altered[position] ^= 0x01;
            ProtectedValue tampered = new ProtectedValue("holder-1", Base64.getEncoder().encodeToString(altered));
            assertThatIllegalArgumentException().as("byte %d altered", position)
                    .isThrownBy(() -> vault.reveal(tampered));
        }
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatIllegalArgumentException().isThrownBy(() -> vault.reveal(
                new ProtectedValue("holder-1", Base64.getEncoder().encodeToString(truncated))));
        assertThatIllegalArgumentException().isThrownBy(() -> vault.reveal(new ProtectedValue("holder-1", "%%%")));
        assertThatIllegalArgumentException().isThrownBy(() -> vault.reveal(new ProtectedValue("holder-1", "")));

        // the subject id is the GCM associated data: moving a value to another subject breaks it
        assertThatIllegalArgumentException()
                .isThrownBy(() -> vault.reveal(new ProtectedValue("holder-2", value.ciphertext())));
        assertThat(vault.reveal(value)).contains(ID_NUMBER);
    }

    @Test
    @DisplayName("A.6 an erased subject's data can no longer be revealed, and stays erased")
    void erasure() throws SQLException {
        ProtectedValue id = vault.protect("holder-1", ID_NUMBER);
        ProtectedValue other = vault.protect("holder-2", PHONE);
        assertThat(vault.reveal(id)).contains(ID_NUMBER); // the key is cached now

        vault.erase("holder-1");

        assertThat(vault.reveal(id)).isEmpty();
        assertThat(vault.isErased("holder-1")).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> vault.protect("holder-1", ID_NUMBER))
                .withMessageContaining("erased");
        vault.erase("holder-1"); // idempotent
        assertThat(vault.isErased("holder-1")).isTrue();
        assertThat(vault.reveal(other)).contains(PHONE); // other subjects are untouched

        // the row stays, without its key, so erased differs from never-seen, and so after a restart
        JdbcPersonalDataVault restarted = new JdbcPersonalDataVault(dataSource);
        assertThat(restarted.reveal(id)).isEmpty();
        assertThat(restarted.isErased("holder-1")).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> restarted.protect("holder-1", "again"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT key_bytes, erased_at, created_at"
                     + " FROM personal_data_key WHERE subject_id = 'holder-1'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBytes(1)).isNull();
            assertThat(row.getTimestamp(2)).isNotNull();
            assertThat(row.getTimestamp(3)).isNotNull();
        }
    }

    @Test
    @DisplayName("A.6 erasing a subject that has no data yet is permanent too")
    void erasureBeforeAnyData() {
        assertThat(vault.isErased("holder-9")).isFalse();

        vault.erase("holder-9");

        assertThat(vault.isErased("holder-9")).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> vault.protect("holder-9", PHONE));
    }

    @Test
    @DisplayName("A.6 a value of a subject the key store has never seen is an error, not an erasure")
    void unknownSubject() {
        ProtectedValue value = vault.protect("holder-1", PHONE);
        JdbcPersonalDataVault otherStore = new JdbcPersonalDataVault(database());

        assertThatIllegalStateException().isThrownBy(() -> otherStore.reveal(value))
                .withMessageContaining("No key for subject holder-1");
        assertThat(otherStore.isErased("holder-1")).isFalse();
    }

    @Test
    @DisplayName("A.6 keys survive a restart: a new vault on the same database file still reveals")
    void keysSurviveRestart(@TempDir Path directory) throws SQLException {
        String url = "jdbc:hsqldb:file:" + directory.resolve("keys")
                + ";hsqldb.write_delay=false;hsqldb.tx=mvcc;hsqldb.default_table_type=cached;hsqldb.lock_file=false";
        DataSource file = hsqldb(url);
        ProtectedValue value = new JdbcPersonalDataVault(file).protect("holder-1", ID_NUMBER);
        shutdown(file);

        DataSource reopened = hsqldb(url);
        JdbcPersonalDataVault restarted = new JdbcPersonalDataVault(reopened);
        assertThat(restarted.reveal(value)).contains(ID_NUMBER);
        assertThat(restarted.reveal(restarted.protect("holder-1", PHONE))).contains(PHONE);
        restarted.erase("holder-1");
        shutdown(reopened);

        assertThat(new JdbcPersonalDataVault(hsqldb(url)).reveal(value)).isEmpty();
        shutdown(hsqldb(url));
    }

    @Test
    @DisplayName("A.6 eight processes protecting a new subject's first values at once end up with one key")
    void concurrentFirstProtect() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 25; round++) {
                String subject = "holder-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ProtectedValue>> futures = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    // one vault per thread, like separate processes: only the database can settle the race
                    JdbcPersonalDataVault process = new JdbcPersonalDataVault(dataSource);
                    String plaintext = "value " + thread;
                    futures.add(threads.submit(() -> {
                        start.await();
                        return process.protect(subject, plaintext);
                    }));
                }
                start.countDown();
                JdbcPersonalDataVault reader = new JdbcPersonalDataVault(dataSource);
                for (int thread = 0; thread < 8; thread++) {
                    assertThat(reader.reveal(futures.get(thread).get())).as("round %d thread %d", round, thread)
                            .contains("value " + thread);
                }
                assertThat(count("SELECT COUNT(*) FROM personal_data_key WHERE subject_id = '" + subject + "'"))
                        .isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("A.6 eight threads protecting a new subject's first values through one vault share one key")
    void concurrentFirstProtectInOneVault() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ProtectedValue>> futures = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                String plaintext = "value " + thread;
                futures.add(threads.submit(() -> {
                    start.await();
                    return vault.protect("holder-1", plaintext);
                }));
            }
            start.countDown();
            JdbcPersonalDataVault reader = new JdbcPersonalDataVault(dataSource);
            for (int thread = 0; thread < 8; thread++) {
                assertThat(reader.reveal(futures.get(thread).get())).contains("value " + thread);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("A.6 an erasure by another process reaches this one when its cached key expires")
    void erasureByAnotherProcess() {
        JdbcPersonalDataVault thisProcess = new JdbcPersonalDataVault(dataSource, 100, Duration.ZERO,
                Clock.systemUTC());
        JdbcPersonalDataVault otherProcess = new JdbcPersonalDataVault(dataSource);
        ProtectedValue value = thisProcess.protect("holder-1", PHONE);
        assertThat(thisProcess.reveal(value)).contains(PHONE);

        otherProcess.erase("holder-1");

        assertThat(thisProcess.reveal(value)).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> thisProcess.protect("holder-1", PHONE));
    }

    @Test
    @DisplayName("A.6 the key cache is bounded")
    void boundedCache() {
        JdbcPersonalDataVault small = new JdbcPersonalDataVault(dataSource, 3, Duration.ofMinutes(5),
                Clock.systemUTC());
        List<ProtectedValue> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            values.add(small.protect("holder-" + i, "value " + i));
        }
        assertThat(small.cachedKeys()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            assertThat(small.reveal(values.get(i))).isEqualTo(Optional.of("value " + i));
        }
        assertThat(small.cachedKeys()).isEqualTo(3);
    }

    @Test
    @DisplayName("A.6 subject ids are 1 to 100 characters; plaintext must not be null")
    void arguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> vault.protect(" ", PHONE));
        assertThatIllegalArgumentException().isThrownBy(() -> vault.protect("x".repeat(101), PHONE));
        assertThatIllegalArgumentException().isThrownBy(() -> vault.erase(null));
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> vault.protect("holder-1", null));
        assertThat(vault.reveal(vault.protect("x".repeat(100), PHONE))).contains(PHONE);
    }

    private static DataSource hsqldb(String url) {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("SA");
        dataSource.setPassword("");
        return dataSource;
    }

    private static void shutdown(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
