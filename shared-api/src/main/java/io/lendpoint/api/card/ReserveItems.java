package io.lendpoint.api.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A.1.2: a loan batch reserves {@code quantity} items on the card before it may be picked; the card refuses
 * anything beyond its limit. Idempotent per {@code reservationId} (the batch).
 */
public record ReserveItems(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String reservationId,
        @Min(value = 1, message = "{validation.min}") @Max(value = 100_000, message = "{validation.max}") int quantity) {
}
