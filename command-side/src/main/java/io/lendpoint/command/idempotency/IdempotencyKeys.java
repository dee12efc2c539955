package io.lendpoint.command.idempotency;

import io.lendpoint.platform.jdbc.SchemaCreation;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys in table {@code idempotency_key} of the command side's database (standalone: the event store's
 * HSQLDB; distributed: PostgreSQL). Claiming a key is an insert on its primary key, so of two concurrent requests
 * with one key exactly one runs. Keys older than {@link #KEEP} are forgotten when a new one is claimed.
 */
@Component
class IdempotencyKeys implements InitializingBean {

    /** How long a key is remembered: long enough for any client's retries (the IETF draft suggests 24 h). */
    static final java.time.Duration KEEP = java.time.Duration.ofHours(24);
    /** Responses are small (an id, a receipt result); a larger one is not kept, and its key is released. */
    static final int MAX_BODY = 65_536;

    private final JdbcTemplate jdbc;

    IdempotencyKeys(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        SchemaCreation.run(jdbc.getDataSource(), List.of("idempotency_key"), List.of("CREATE TABLE IF NOT EXISTS idempotency_key ("
                + "key_hash VARCHAR(64) NOT NULL PRIMARY KEY, fingerprint VARCHAR(64) NOT NULL, completed BOOLEAN NOT "
                + "NULL, status INT, content_type VARCHAR(200), location VARCHAR(2000), body VARCHAR(" + MAX_BODY + "), "
                + "created_at TIMESTAMP NOT NULL)"));
    }

    /** Claims the key for this request; false when it is taken (by this request before, or another). */
    boolean claim(String keyHash, String fingerprint, Instant now) {
        jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(now.minus(KEEP)));
        try {
            jdbc.update("INSERT INTO idempotency_key (key_hash, fingerprint, completed, created_at) VALUES (?, ?, ?, ?)",
                    keyHash, fingerprint, false, Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<StoredResponse> find(String keyHash) {
        List<StoredResponse> rows = jdbc.query("SELECT fingerprint, completed, status, content_type, location, body "
                        + "FROM idempotency_key WHERE key_hash = ?",
                (row, n) -> new StoredResponse(row.getString(1), row.getBoolean(2), row.getInt(3), row.getString(4),
                        row.getString(5), row.getString(6)), keyHash);
        return rows.stream().findFirst();
    }

    void complete(String keyHash, int status, String contentType, String location, String body) {
        jdbc.update("UPDATE idempotency_key SET completed = ?, status = ?, content_type = ?, location = ?, body = ? "
                + "WHERE key_hash = ?", true, status, contentType, location, body, keyHash);
    }

    void release(String keyHash) {
        jdbc.update("DELETE FROM idempotency_key WHERE key_hash = ?", keyHash);
    }
}
