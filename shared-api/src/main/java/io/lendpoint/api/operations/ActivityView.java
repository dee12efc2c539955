package io.lendpoint.api.operations;

import io.lendpoint.api.Versioned;
import java.time.LocalDate;
import java.util.List;

/** §6.4: an activity as read; {@code status} is PROPOSED, APPROVED, HELD or CANCELLED. */
public record ActivityView(String activityId, String servicePointId, ActivityKind kind, String title,
                           LocalDate plannedOn, String description, String proposedBy, String status,
                           List<String> resourcesPromised, LocalDate heldOn, Integer participants,
                           List<String> resourcesProvided, List<Attachment> attachments, String cancelReason,
                           long version) implements Versioned {
}
