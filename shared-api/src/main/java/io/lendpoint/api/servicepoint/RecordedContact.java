package io.lendpoint.api.servicepoint;

import io.lendpoint.api.personaldata.ProtectedValue;

/**
 * §4.1.2 b, A.6: the responsible contact as events carry it: the name in the clear (it names who answers for the
 * point), the phone protected with the contact's own key ({@code phone.subjectId()}), so that it is never in the
 * event store in plaintext and can be erased on request without breaking replay.
 */
public record RecordedContact(String name, ProtectedValue phone) {

    /** The data subject whose key protects the phone. */
    public String subjectId() {
        return phone.subjectId();
    }
}
