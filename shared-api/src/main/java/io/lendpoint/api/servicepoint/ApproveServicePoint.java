package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §4.2.2: the library approves the point (审核通过); only after a site inspection that passed §4.1.2 a–c. */
public record ApproveServicePoint(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @Size(max = 2000, message = "{validation.size}") String notes) {
}
