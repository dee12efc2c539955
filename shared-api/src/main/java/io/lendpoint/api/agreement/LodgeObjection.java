package io.lendpoint.api.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.4: a party objects, before the end of the validity, to the agreement continuing. */
public record LodgeObjection(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String agreementId,
        @NotNull(message = "{validation.required}") Side side,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String reason) {
}
