package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §4.2: the library turns the application down, with a reason the applicant can read. */
public record RejectServicePoint(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") String reason) {
}
