package io.lendpoint.api.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lost card is replaced by a new card number; reservations carry over. */
public record ReplaceCard(@TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId, @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "{validation.card-number}") String newCardNumber) {
}
