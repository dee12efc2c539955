package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.2.4: the point asks, before the due date, to renew the whole batch for another loan period. */
public record RenewBatch(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") String servicePointId) {
}
