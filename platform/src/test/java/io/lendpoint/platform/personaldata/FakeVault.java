package io.lendpoint.platform.personaldata;

import io.lendpoint.api.personaldata.ProtectedValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A stand-in for the vault in tests of aggregates and projections: "encrypts" by XOR with a byte derived from the
 * subject, then Base64, so a ciphertext never contains its plaintext and the same plaintext of the same subject
 * always gives the same value ({@link #protectedAs}), which fixture tests compare. Erasing a subject makes its
 * values unreadable. Remembers what it protected and erased, and counts reveals.
 */
public final class FakeVault implements PersonalDataVault {

    public final Set<String> protectedPlaintexts = new LinkedHashSet<>();
    public final Set<String> erased = new HashSet<>();
    public int reveals;

    /** The value {@link #protect} gives for this subject and plaintext. */
    public static ProtectedValue protectedAs(String subjectId, String plaintext) {
        return new ProtectedValue(subjectId, Base64.getEncoder().encodeToString(
                xor(plaintext.getBytes(StandardCharsets.UTF_8), subjectId)));
    }

    @Override
    public ProtectedValue protect(String subjectId, String plaintext) {
        if (erased.contains(subjectId)) {
            throw new IllegalStateException("subject " + subjectId + " was erased");
        }
        protectedPlaintexts.add(plaintext);
        return protectedAs(subjectId, plaintext);
    }

    @Override
    public Optional<String> reveal(ProtectedValue value) {
        reveals++;
        if (erased.contains(value.subjectId())) {
            return Optional.empty();
        }
        return Optional.of(new String(xor(Base64.getDecoder().decode(value.ciphertext()), value.subjectId()),
                StandardCharsets.UTF_8));
    }

    @Override
    public void erase(String subjectId) {
        erased.add(subjectId);
    }

    @Override
    public boolean isErased(String subjectId) {
        return erased.contains(subjectId);
    }

    private static byte[] xor(byte[] bytes, String subjectId) {
        byte key = (byte) (0x5A ^ subjectId.hashCode());
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) (bytes[i] ^ key);
        }
        return out;
    }
}
