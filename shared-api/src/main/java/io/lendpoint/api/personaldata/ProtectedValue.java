package io.lendpoint.api.personaldata;

/**
 * A personal-data value as events carry it: encrypted with the data subject's own key (kept outside the event
 * store), so erasing the key erases the value everywhere, including in the immutable event history.
 */
public record ProtectedValue(String subjectId, String ciphertext) {
}
