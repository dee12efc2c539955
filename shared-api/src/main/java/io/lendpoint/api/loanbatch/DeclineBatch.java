package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §5.1: the library declines the request, with a reason the point can read. */
public record DeclineBatch(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String reason) {
}
