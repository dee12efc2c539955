package io.lendpoint.api.servicepoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §4.1.2 b: the person responsible for collective lending at the point changes. */
public record ChangeServicePointContact(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") @Valid ResponsibleContact contact,
        @Size(max = 500, message = "{validation.size}") String reason) {
}
