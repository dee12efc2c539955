package io.lendpoint.api.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §7.2: the action is done, with its outcome (what changed). */
public record CompleteImprovement(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String actionId,
        @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") String outcome,
        @NotNull(message = "{validation.required}") LocalDate completedOn) {
}
