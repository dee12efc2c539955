package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §6.4: the library or a point proposes a joint activity at the point. */
public record ProposeActivity(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String activityId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") ActivityKind kind,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String title,
        @NotNull(message = "{validation.required}") LocalDate plannedOn,
        @Size(max = 2000, message = "{validation.size}") String description,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String proposedBy) {
}
