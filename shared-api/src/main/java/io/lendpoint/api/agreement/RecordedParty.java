package io.lendpoint.api.agreement;

import io.lendpoint.api.personaldata.ProtectedValue;

/**
 * A.6: one side of the agreement as events carry it: the party and its handler (经手人) by name, the handler's
 * phone, when given, protected with the handler's own key, never in plaintext.
 */
public record RecordedParty(String name, String handler, ProtectedValue handlerPhone) {

    /** The subject whose key protects a side's handler phone in a contract: {@code handler-<agreement>-<n>-<side>}. */
    public static String subjectOf(String agreementId, int contract, Side side) {
        return "handler-" + agreementId + "-" + contract + "-" + (side == Side.LIBRARY ? "library" : "point");
    }
}
