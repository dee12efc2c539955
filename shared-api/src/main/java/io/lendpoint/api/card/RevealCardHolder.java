package io.lendpoint.api.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.6: the library administrator reads the holder's full personal data; the read itself is recorded. Answers {@link CardHolder}. */
public record RevealCardHolder(@TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId, @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String purpose) {
}
