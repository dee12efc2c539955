package io.lendpoint.api.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.6: erase a handler's phone, given in a draft of this agreement, on request (the key of {@code subjectId} is deleted). */
public record EraseHandlerData(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String agreementId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String subjectId,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reason) {
}
