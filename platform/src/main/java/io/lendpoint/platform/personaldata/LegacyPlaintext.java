package io.lendpoint.platform.personaldata;

import io.lendpoint.api.personaldata.ProtectedValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Format version {@code 0x00} of {@link ProtectedValue}: a value that an event stored before it was protected
 * carried in the clear, as upcasters hand it on. The subject of such a value is derived from what identifies the
 * person in the old payload ({@link #subjectFor}), so every copy of one person's old value, in every event, has one
 * subject, and erasing that subject hides them all from every read.
 */
public final class LegacyPlaintext {

    static final byte FORMAT_VERSION = 0;
    /**
     * Begins the subjects of legacy values; no key is ever made for them, and only they may hold such values. No
     * other subject can begin so: the others begin with a kind ({@code contact-}, {@code handler-},
     * {@code card-holder-}) and identifiers hold no colon.
     */
    static final String SUBJECT_PREFIX = "legacy:";

    private LegacyPlaintext() {
    }

    /** The value as the vault will read it: plaintext until the subject is erased. */
    public static ProtectedValue of(String subjectId, String plaintext) {
        byte[] text = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 1];
        bytes[0] = FORMAT_VERSION;
        System.arraycopy(text, 0, bytes, 1, text.length);
        return new ProtectedValue(subjectId, Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * A stable subject id for an old value, {@code legacy:<kind>-<uuid>}: a name-based UUID of the parts that
     * identify the person (never the value itself, which a subject id would otherwise leak: subject ids are not
     * secret).
     */
    public static String subjectFor(String kind, String... identifyingParts) {
        return SUBJECT_PREFIX + kind + "-" + UUID.nameUUIDFromBytes(String.join("|", identifyingParts)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the subject is one of legacy values ({@link #subjectFor}). */
    public static boolean isLegacySubject(String subjectId) {
        return subjectId.startsWith(SUBJECT_PREFIX);
    }

    /**
     * The plaintext of a version-0 value of a legacy subject; empty for any other version. A version-0 value under
     * any other subject is refused: it is an encrypted value whose version byte was altered, which must not read as
     * plaintext (the legacy form carries no tag that would show it).
     */
    static Optional<String> plaintextOf(String subjectId, byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT_VERSION) {
            return Optional.empty();
        }
        if (!isLegacySubject(subjectId)) {
            throw new IllegalArgumentException("Protected value of subject " + subjectId
                    + " is in the legacy form, which only legacy subjects hold");
        }
        return Optional.of(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8));
    }
}
