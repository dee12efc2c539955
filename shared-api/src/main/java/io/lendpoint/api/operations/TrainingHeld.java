package io.lendpoint.api.operations;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** §6.1, A.1.4: held on {@code heldOn} with these attendees (from invited points) and materials. */
@Revision("1")
public record TrainingHeld(String trainingId, LocalDate heldOn, List<Attendee> attendees,
                           List<TrainingMaterial> materials) {
}
