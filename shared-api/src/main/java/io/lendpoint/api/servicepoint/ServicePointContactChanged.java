package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/**
 * §4.1.2 b: the responsible person changed from {@code previous} to {@code contact}. Revision 2: phones protected
 * (A.6); revision-1 payloads carried them in plaintext and are upcast ({@code ContactPhoneUpcaster}).
 */
@Revision("2")
public record ServicePointContactChanged(String servicePointId, RecordedContact previous, RecordedContact contact, String reason) {
}
