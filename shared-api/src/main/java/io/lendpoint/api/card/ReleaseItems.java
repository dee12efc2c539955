package io.lendpoint.api.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.1.2: items of a reservation are accounted for (returned, or settled as lost); their capacity is free again. */
public record ReleaseItems(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String reservationId,
        @Min(value = 1, message = "{validation.min}") @Max(value = 100_000, message = "{validation.max}") int quantity) {
}
