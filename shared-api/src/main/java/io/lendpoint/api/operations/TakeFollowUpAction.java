package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §6.3: a step the library took on a raised problem (called back, sent books, fixed a setting …). */
public record TakeFollowUpAction(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String feedbackId,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String action,
        @NotNull(message = "{validation.required}") LocalDate takenOn,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String takenBy) {
}
