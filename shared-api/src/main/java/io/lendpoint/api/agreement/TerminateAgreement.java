package io.lendpoint.api.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A.3: end the agreement early, by mutual agreement or by revocation (expiry after an objection happens by
 * itself at the end of the validity).
 */
public record TerminateAgreement(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String agreementId,
        @NotNull(message = "{validation.required}") TerminationReason reason,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String explanation) {
}
