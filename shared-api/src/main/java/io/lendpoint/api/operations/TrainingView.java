package io.lendpoint.api.operations;

import io.lendpoint.api.Versioned;
import java.time.LocalDate;
import java.util.List;

/** §6.1, A.1.4: a training as read; {@code status} is SCHEDULED, HELD or CANCELLED. */
public record TrainingView(String trainingId, String topic, TrainingKind kind, String status, LocalDate plannedOn,
                           LocalDate heldOn, String trainer, List<String> servicePointIds, List<Attendee> attendees,
                           List<TrainingMaterial> materials, String cancelReason, long version) implements Versioned {
}
