package io.lendpoint.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lendpoint.platform.personaldata.LegacyPlaintext;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Masks personal data in event payloads for readers other than the library administrator: phone numbers keep their
 * last four digits, identity numbers their last four characters, and a person (an object with a name and a phone:
 * a point's contact, a party's signatory) keeps the first character of the name. Identity numbers and phones are
 * protected values (subject and ciphertext), shown as they are, except those of events stored before they were
 * protected: their "ciphertext" is the plaintext in Base64 ({@link LegacyPlaintext}), which is withheld from every
 * reader, the administrator included ({@link #withholdLegacy}), so that the audit trail honours an erasure too.
 */
public final class PersonalDataMask {

    private static final Set<String> PHONES = Set.of("phone", "contactPhone", "holderPhone");
    private static final Set<String> ID_NUMBERS = Set.of("idNumber", "holderIdNumber");

    private PersonalDataMask() {
    }

    /** Shown instead of a legacy value's Base64 plaintext. */
    public static final String WITHHELD = "(withheld: stored before it was protected)";

    /** A masked copy, legacy values withheld; the given node is not changed. */
    public static JsonNode mask(JsonNode payload) {
        JsonNode copy = withholdLegacy(payload);
        walk(copy);
        return copy;
    }

    /** A copy in which every legacy protected value's plaintext is withheld; the given node is not changed. */
    public static JsonNode withholdLegacy(JsonNode payload) {
        JsonNode copy = payload.deepCopy();
        withhold(copy);
        return copy;
    }

    private static void withhold(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode subject = object.get("subjectId");
            if (subject != null && subject.isTextual() && LegacyPlaintext.isLegacySubject(subject.asText())
                    && object.has("ciphertext")) {
                object.put("ciphertext", WITHHELD);
            }
            object.forEach(PersonalDataMask::withhold);
        } else if (node instanceof ArrayNode array) {
            array.forEach(PersonalDataMask::withhold);
        }
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean person = object.hasNonNull("name") && PHONES.stream().anyMatch(object::hasNonNull);
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && (PHONES.contains(field.getKey()) || ID_NUMBERS.contains(field.getKey()))) {
                    field.setValue(object.textNode(keepLast(value.asText(), 4)));
                } else if (value.isTextual() && person && field.getKey().equals("name")) {
                    field.setValue(object.textNode(keepFirst(value.asText())));
                } else {
                    walk(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(PersonalDataMask::walk);
        }
    }

    static String keepLast(String value, int visible) {
        return value.length() <= visible ? "*".repeat(value.length())
                : "*".repeat(value.length() - visible) + value.substring(value.length() - visible);
    }

    static String keepFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(
                Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
