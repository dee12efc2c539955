package io.lendpoint.api.personaldata;

import java.util.Objects;

/**
 * A piece of personal data as events carry it: never the plaintext, but the plaintext encrypted with the key of
 * one data subject (clause A.6, crypto-shredding). Deleting the subject's key, which is kept outside the event
 * store, makes every value of that subject permanently unreadable while the events themselves stay intact, so
 * replay and projections keep working.
 *
 * <p>Format of {@code ciphertext}: standard Base64 (RFC 4648, with padding) of
 * <pre>
 *   version (1 byte, currently 0x01) ‖ IV (12 random bytes) ‖ AES-256-GCM ciphertext with its 16-byte tag
 * </pre>
 * The plaintext is UTF-8. The GCM associated data is {@code subjectId} in UTF-8, so a value cannot be moved to
 * another subject (it would no longer decrypt), and any change to the bytes is detected by the tag.
 *
 * <p>Version {@code 0x00} is not encryption: {@code 0x00 ‖ UTF-8 plaintext}. Only upcasters produce it, for values
 * that events stored before the value was protected carried in the clear (a point's contact phone before
 * {@code ServicePointApplied} revision 2, for instance). The plaintext is in that stored event, which is never
 * rewritten; the vault still answers it as erased once its subject is erased, so every read (queries, replays,
 * audits) honours an erasure, but removing it from the disk needs a migration of the event store.
 *
 * @param subjectId  the data subject whose key encrypted the value (e.g. the card holder's id); not secret
 * @param ciphertext Base64 as described above
 */
public record ProtectedValue(String subjectId, String ciphertext) {

    public ProtectedValue {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** Shows the subject only: the ciphertext is of no use in logs and would only clutter them. */
    @Override
    public String toString() {
        return "ProtectedValue[subjectId=" + subjectId + ", ciphertext=(" + ciphertext.length() + " chars)]";
    }
}
