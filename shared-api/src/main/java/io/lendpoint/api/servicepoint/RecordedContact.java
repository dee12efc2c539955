package io.lendpoint.api.servicepoint;

import io.lendpoint.api.personaldata.ProtectedValue;

/**
 * §4.1.2 b, A.6: the responsible contact as events carry it: the name in the clear (it names who answers for the
 * point), the phone protected with the contact's own key ({@code phone.subjectId()}), so that it is never in the
 * event store in plaintext and can be erased on request without breaking replay.
 */
public record RecordedContact(String name, ProtectedValue phone) {

    /**
     * The subject whose key protects the phone of a point's {@code appointment}-th contact (1 for the one named in
     * the application, then one more for each change): {@code contact-<point>-<n>}.
     */
    public static String subjectOf(String servicePointId, int appointment) {
        return "contact-" + servicePointId + "-" + appointment;
    }

    /** The data subject whose key protects the phone. */
    public String subjectId() {
        return phone.subjectId();
    }
}
