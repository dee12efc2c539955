package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;

/** §4.1.2 b: the responsible person changed from {@code previous} to {@code contact}. */
@Revision("1")
public record ServicePointContactChanged(String servicePointId, ResponsibleContact previous, ResponsibleContact contact, String reason) {
}
