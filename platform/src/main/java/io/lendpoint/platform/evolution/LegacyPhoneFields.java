package io.lendpoint.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.platform.personaldata.LegacyPlaintext;

/** How the phone upcasters rewrite a plaintext phone field of an old payload into a legacy {@link ProtectedValue}. */
final class LegacyPhoneFields {

    private LegacyPhoneFields() {
    }

    /** Replaces {@code owner.field}, if it is a plaintext string, by its legacy protected value under {@code subjectId}. */
    static void protect(ObjectNode owner, String field, String subjectId) {
        JsonNode phone = owner.get(field);
        if (phone == null || !phone.isTextual()) {
            return;
        }
        ProtectedValue value = LegacyPlaintext.of(subjectId, phone.asText());
        owner.putObject(field).put("subjectId", value.subjectId()).put("ciphertext", value.ciphertext());
    }
}
