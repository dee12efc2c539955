package io.lendpoint.api.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** §6.1, A.1.4: the training took place; who came from which invited point, and the materials handed out. */
public record RecordTrainingHeld(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String trainingId,
        @NotNull(message = "{validation.required}") LocalDate heldOn,
        @NotEmpty(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") List<@Valid @NotNull(message = "{validation.required}") Attendee> attendees,
        @Size(max = 50, message = "{validation.size}") List<@Valid TrainingMaterial> materials) {
}
