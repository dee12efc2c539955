package io.lendpoint.platform.personaldata;

import io.lendpoint.api.personaldata.Masking;
import io.lendpoint.api.personaldata.ProtectedValue;

import java.util.Optional;

/**
 * Keeps personal data out of the event store in plaintext (clause A.6, crypto-shredding): every data subject
 * (e.g. a card holder) has a key of its own, kept outside the event store; events carry {@link ProtectedValue}s
 * encrypted with it. Erasing a subject deletes the key, after which the subject's values, wherever they are
 * stored (events, snapshots, backups), can no longer be read, while the events themselves stay valid and replay
 * keeps working. Implementations are thread-safe.
 *
 * <p>Failure semantics, so that callers can tell "erased" from "broken":
 * <ul>
 *     <li>{@link #reveal} answers {@link Optional#empty()} only when the subject was erased;</li>
 *     <li>a value that was altered, malformed, or presented under another subject than the one it was
 *     protected for fails with {@link IllegalArgumentException} (the GCM tag does not match), never with an
 *     empty answer, so a corrupted event is not silently shown as erased;</li>
 *     <li>a value whose subject has no key at all fails with {@link IllegalStateException}: the key store does
 *     not belong to this event store (e.g. restored from another backup), which must not pass as erasure.</li>
 * </ul>
 */
public interface PersonalDataVault {

    /**
     * Encrypts {@code plaintext} with the key of {@code subjectId}, creating the key on the subject's first
     * value. Each call uses a fresh random IV, so the same plaintext gives a different ciphertext every time.
     *
     * @param subjectId the data subject, 1 to 100 characters, not blank
     * @param plaintext the personal data (not null; an absent value should stay absent rather than be protected)
     * @throws IllegalStateException if the subject was erased: erasure is permanent, no new key is ever created
     * @throws IllegalArgumentException for a subject of legacy values ({@link LegacyPlaintext}), which has no key
     */
    ProtectedValue protect(String subjectId, String plaintext);

    /**
     * The plaintext of a value, or empty if its subject was erased.
     *
     * @throws IllegalArgumentException if the value is malformed, altered, or not the subject's
     * @throws IllegalStateException    if the subject has no key and was never erased
     */
    Optional<String> reveal(ProtectedValue value);

    /**
     * Deletes the subject's key for good; every value protected for it becomes unreadable. Idempotent; erasing a
     * subject that has no key yet records the erasure too, so that no key can be created for it later.
     */
    void erase(String subjectId);

    /**
     * The plaintext of a value for a reader entitled to it, {@link Masking#ERASED} once its subject was erased, null
     * for no value.
     */
    default String revealOrErased(ProtectedValue value) {
        return value == null ? null : reveal(value).orElse(Masking.ERASED);
    }

    /** Whether the subject was erased (false for a subject never seen). Reads the key store, not a cache. */
    boolean isErased(String subjectId);
}
