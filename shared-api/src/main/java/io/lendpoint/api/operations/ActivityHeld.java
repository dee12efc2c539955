package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** §6.4: the activity was held with {@code participants} taking part (the count activity participation uses, §7.1). */
@Revision("1")
public record ActivityHeld(String activityId, String servicePointId, LocalDate heldOn, int participants,
                           List<String> resourcesProvided, List<Attachment> attachments) {
}
