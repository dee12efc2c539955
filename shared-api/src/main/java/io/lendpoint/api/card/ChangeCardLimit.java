package io.lendpoint.api.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.1.2, A.5: the card's limit follows an amended agreement. */
public record ChangeCardLimit(@TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId, @Min(value = 1, message = "{validation.min}") @Max(value = 100_000, message = "{validation.max}") int itemLimit) {
}
