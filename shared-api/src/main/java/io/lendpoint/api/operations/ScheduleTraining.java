package io.lendpoint.api.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** §6.1, A.1.4: the library plans a training session for the staff of some points. */
public record ScheduleTraining(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String trainingId,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String topic,
        @NotNull(message = "{validation.required}") TrainingKind kind,
        @NotNull(message = "{validation.required}") LocalDate plannedOn,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String trainer,
        @NotEmpty(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String> servicePointIds,
        @Size(max = 50, message = "{validation.size}") List<@Valid TrainingMaterial> materials) {
}
