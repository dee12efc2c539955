package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §6.4: a proposed or approved activity is called off, with the reason. */
public record CancelActivity(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String activityId,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reason) {
}
