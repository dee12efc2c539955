package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A.6: erase a former contact's phone on request (crypto-shredding: the key of {@code subjectId} is deleted). The
 * current contact's cannot be erased: §4.1.2 b wants a reachable responsible person, so the contact is changed
 * first.
 */
public record EraseContactData(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String servicePointId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String subjectId,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reason) {
}
