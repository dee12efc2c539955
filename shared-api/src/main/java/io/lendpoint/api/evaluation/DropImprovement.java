package io.lendpoint.api.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §7.2: an open action is dropped, with the reason (e.g. superseded, no longer relevant). */
public record DropImprovement(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String actionId,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reason) {
}
