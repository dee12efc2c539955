package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §6.4: a joint activity was proposed. */
@Revision("1")
public record ActivityProposed(String activityId, String servicePointId, ActivityKind kind, String title,
                               LocalDate plannedOn, String description, String proposedBy) {
}
