package io.lendpoint.api.evaluation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §7.2: the action was completed on {@code completedOn}; {@code late} when after its due date. */
@Revision("1")
public record ImprovementCompleted(String actionId, String servicePointId, String outcome, LocalDate completedOn,
                                   boolean late) {
}
