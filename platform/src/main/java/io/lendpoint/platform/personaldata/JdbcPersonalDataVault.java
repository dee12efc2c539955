package io.lendpoint.platform.personaldata;

import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.platform.jdbc.SchemaCreation;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PersonalDataVault} with its keys in a relational table, in a database that must be separate from the
 * event store (so that deleting a key really erases, and a copy of the event store alone reveals nothing).
 * Written in portable SQL for HSQLDB 2.7 (standalone) and PostgreSQL (distributed mode); only the binary column
 * type differs ({@code VARBINARY(64)} / {@code BYTEA}). The table is created if absent:
 * <pre>
 * CREATE TABLE IF NOT EXISTS personal_data_key (
 *     subject_id VARCHAR(100) NOT NULL PRIMARY KEY,
 *     key_bytes  VARBINARY(64),            -- 32 random bytes (AES-256); NULL once erased
 *     created_at TIMESTAMP NOT NULL,       -- UTC
 *     erased_at  TIMESTAMP,                -- UTC; NULL while the key exists
 *     CHECK ((key_bytes IS NULL AND erased_at IS NOT NULL) OR (key_bytes IS NOT NULL AND erased_at IS NULL)))
 * </pre>
 * Erasure nulls the key and keeps the row, so "erased" stays distinguishable from "never existed" and no key is
 * ever created again for an erased subject. The table's check constraint guarantees that an erased row holds no
 * key.
 *
 * <p><b>Ciphertext</b>: see {@link ProtectedValue}: Base64 of version {@code 0x01} ‖ 12-byte random IV ‖
 * AES-256-GCM ciphertext with a 128-bit tag, the subject id (UTF-8) as associated data. Version {@code 0x00}
 * ({@link LegacyPlaintext}, from upcast old events) is read without a key, and answered as erased once its
 * subject is.
 *
 * <p><b>Concurrency.</b> Key creation is an {@code INSERT}; when two threads or processes create the first key of
 * one subject at once, the loser's insert fails on the primary key (SQLState 23505 in both databases) and it
 * reads and uses the winner's key, so all values of a subject are under one key. Each statement runs in its own
 * transaction (auto-commit, or committed here if the pool hands out connections without it).
 *
 * <p><b>Cache.</b> Keys are cached in memory for {@link #reveal} (projections reveal on every replayed event),
 * bounded in size (least recently used evicted) and in age. {@link #erase} drops the cached key at once in this
 * process; other processes sharing the same key table (distributed mode) keep a cached key until it expires
 * (the {@code cacheTtl}), which bounds how long an erasure takes to reach every instance. {@link #protect} and
 * {@link #isErased} always consult the table, so no process protects new data for an erased subject.
 */
public final class JdbcPersonalDataVault implements PersonalDataVault {

    public static final String TABLE = "personal_data_key";
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

    static final byte FORMAT_VERSION = 1;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int MAX_SUBJECT_ID_LENGTH = 100;
    private static final String DUPLICATE_KEY = "23505";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final DataSource dataSource;
    private final Clock clock;
    private final KeyCache cache;
    private final Object[] subjectLocks = new Object[64];
    private final SecureRandom random = new SecureRandom();

    /** A vault with the default cache (10 000 keys, 5 minutes); creates the key table if absent. */
    public JdbcPersonalDataVault(DataSource dataSource) {
        this(dataSource, DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL, Clock.systemUTC());
    }

    /** Creates the key table if absent. */
    public JdbcPersonalDataVault(DataSource dataSource, int cacheSize, Duration cacheTtl, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new KeyCache(cacheSize, cacheTtl.toNanos());
        for (int i = 0; i < subjectLocks.length; i++) {
            subjectLocks[i] = new Object();
        }
        createTableIfAbsent();
    }

    @Override
    public ProtectedValue protect(String subjectId, String plaintext) {
        checkSubjectId(subjectId);
        Objects.requireNonNull(plaintext, "plaintext");
        if (LegacyPlaintext.isLegacySubject(subjectId)) {
            throw new IllegalArgumentException("Subject " + subjectId + " holds legacy values only; no key is made for it");
        }
        SecretKey key = keyForProtecting(subjectId);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        byte[] bytes = ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT_VERSION).put(iv).put(sealed)
                .array();
        return new ProtectedValue(subjectId, Base64.getEncoder().encodeToString(bytes));
    }

    @Override
    public Optional<String> reveal(ProtectedValue value) {
        Objects.requireNonNull(value, "value");
        String subjectId = value.subjectId();
        checkSubjectId(subjectId);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Protected value of subject " + subjectId + " is not Base64", e);
        }
        Optional<String> legacy = LegacyPlaintext.plaintextOf(subjectId, bytes);
        if (legacy.isPresent()) {
            return isErased(subjectId) ? Optional.empty() : legacy; // stored in the clear before it was protected
        }
        if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("Protected value of subject " + subjectId
                    + " is not in format version " + FORMAT_VERSION);
        }
        Optional<SecretKey> key = keyForRevealing(subjectId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 1, IV_BYTES));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            byte[] plaintext = cipher.doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES);
            return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("Protected value was altered or does not belong to subject "
                    + subjectId, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public void erase(String subjectId) {
        checkSubjectId(subjectId);
        synchronized (lockFor(subjectId)) {
            while (true) {
                Timestamp now = now();
                if (markErased(subjectId, now) || readRow(subjectId).isPresent()) {
                    break; // erased now, or erased before
                }
                // no row at all: record the erasure, so that no key can be created for the subject later
                if (insert(subjectId, null, now)) {
                    break;
                }
                // another process created the subject's row meanwhile: erase that
            }
            cache.remove(subjectId);
        }
    }

    @Override
    public boolean isErased(String subjectId) {
        checkSubjectId(subjectId);
        return readRow(subjectId).map(KeyRow::erased).orElse(false);
    }

    private SecretKey keyForProtecting(String subjectId) {
        synchronized (lockFor(subjectId)) {
            Optional<KeyRow> row = readRow(subjectId);
            if (row.isEmpty()) {
                byte[] key = new byte[KEY_BYTES];
                random.nextBytes(key);
                if (insert(subjectId, key, now())) {
                    return cache.put(subjectId, key);
                }
                // another process created the subject's key at the same moment: use that one
                row = readRow(subjectId);
            }
            KeyRow existing = row.orElseThrow(() -> new IllegalStateException(
                    "Key row of subject " + subjectId + " vanished; rows must never be deleted"));
            if (existing.erased()) {
                cache.remove(subjectId);
                throw new IllegalStateException("Subject " + subjectId
                        + " was erased; no personal data can be stored for it any more");
            }
            return cache.put(subjectId, existing.key());
        }
    }

    private Optional<SecretKey> keyForRevealing(String subjectId) {
        SecretKey cached = cache.get(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        synchronized (lockFor(subjectId)) {
            cached = cache.get(subjectId);
            if (cached != null) {
                return Optional.of(cached);
            }
            KeyRow row = readRow(subjectId).orElseThrow(() -> new IllegalStateException("No key for subject "
                    + subjectId + ", which was never erased: is this the key store that belongs to the event store?"));
            return row.erased() ? Optional.empty() : Optional.of(cache.put(subjectId, row.key()));
        }
    }

    private Object lockFor(String subjectId) {
        return subjectLocks[Math.floorMod(subjectId.hashCode(), subjectLocks.length)];
    }

    private static void checkSubjectId(String subjectId) {
        if (subjectId == null || subjectId.isBlank() || subjectId.length() > MAX_SUBJECT_ID_LENGTH) {
            throw new IllegalArgumentException("A subject id must be 1 to " + MAX_SUBJECT_ID_LENGTH
                    + " characters and not blank: " + subjectId);
        }
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    // --- SQL -------------------------------------------------------------------------------------------------

    private record KeyRow(byte[] key) {
        boolean erased() {
            return key == null;
        }
    }

    private void createTableIfAbsent() {
        // under the lock every component's tables are created under, so processes starting together on
        // PostgreSQL create it once
        SchemaCreation.run(dataSource, List.of(TABLE), connection -> {
            String binary = SchemaCreation.isPostgres(connection) ? "BYTEA" : "VARBINARY(64)";
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + "subject_id VARCHAR(" + MAX_SUBJECT_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                        + "key_bytes " + binary + ", "
                        + "created_at TIMESTAMP NOT NULL, "
                        + "erased_at TIMESTAMP, "
                        + "CHECK ((key_bytes IS NULL AND erased_at IS NOT NULL)"
                        + " OR (key_bytes IS NOT NULL AND erased_at IS NULL)))");
            }
        });
    }

    private Optional<KeyRow> readRow(String subjectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT key_bytes FROM " + TABLE + " WHERE subject_id = ?")) {
            select.setString(1, subjectId);
            Optional<KeyRow> row;
            try (ResultSet result = select.executeQuery()) {
                row = result.next() ? Optional.of(new KeyRow(result.getBytes(1))) : Optional.empty();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key of subject " + subjectId, e);
        }
    }

    /** True if inserted, false if the subject has a row already (the primary key refused it). */
    private boolean insert(String subjectId, byte[] key, Timestamp now) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (subject_id, key_bytes, created_at, erased_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, subjectId);
                insert.setBytes(2, key);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, key == null ? now : null);
                insert.executeUpdate();
                if (!autoCommit) {
                    connection.commit();
                }
                return true;
            } catch (SQLException e) {
                if (!autoCommit) {
                    connection.rollback();
                }
                if (isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the key of subject " + subjectId, e);
        }
    }

    /** True if the subject's key was there and is now deleted. */
    private boolean markErased(String subjectId, Timestamp now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                     + " SET key_bytes = NULL, erased_at = ? WHERE subject_id = ? AND erased_at IS NULL")) {
            update.setTimestamp(1, now);
            update.setString(2, subjectId);
            int count = update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return count == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the key of subject " + subjectId, e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (DUPLICATE_KEY.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // --- cache -----------------------------------------------------------------------------------------------

    /** A small LRU of keys with a maximum age; writes happen under the subject's lock, reads do not. */
    private static final class KeyCache {
        private record Entry(SecretKey key, long loadedAt) {
        }

        private final Map<String, Entry> entries;
        private final long ttlNanos;

        KeyCache(int maxSize, long ttlNanos) {
            if (maxSize < 1 || ttlNanos < 0) {
                throw new IllegalArgumentException("cache size must be positive and ttl not negative");
            }
            this.ttlNanos = ttlNanos;
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > maxSize;
                }
            };
        }

        synchronized SecretKey get(String subjectId) {
            Entry entry = entries.get(subjectId);
            if (entry == null) {
                return null;
            }
            if (System.nanoTime() - entry.loadedAt() > ttlNanos) {
                entries.remove(subjectId);
                return null;
            }
            return entry.key();
        }

        synchronized SecretKey put(String subjectId, byte[] keyBytes) {
            SecretKey key = new SecretKeySpec(keyBytes, "AES");
            entries.put(subjectId, new Entry(key, System.nanoTime()));
            return key;
        }

        synchronized void remove(String subjectId) {
            entries.remove(subjectId);
        }

        synchronized int size() {
            return entries.size();
        }
    }

    /** Number of keys cached now (for tests and metrics). */
    int cachedKeys() {
        return cache.size();
    }
}
