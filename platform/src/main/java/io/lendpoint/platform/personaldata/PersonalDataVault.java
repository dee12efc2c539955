package io.lendpoint.platform.personaldata;

import io.lendpoint.api.personaldata.ProtectedValue;

import java.util.Optional;

/** A.6: per-subject encryption keys kept outside the event store (crypto-shredding). */
public interface PersonalDataVault {

    ProtectedValue protect(String subjectId, String plaintext);

    /** Empty when the subject's key was erased. */
    Optional<String> reveal(ProtectedValue value);

    void erase(String subjectId);

    boolean isErased(String subjectId);
}
