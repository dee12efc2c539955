package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** §6.1, A.1.4: a training session is planned for the staff of {@code servicePointIds}. */
@Revision("1")
public record TrainingScheduled(String trainingId, String topic, TrainingKind kind, LocalDate plannedOn, String trainer,
                                List<String> servicePointIds, List<TrainingMaterial> materials) {
}
