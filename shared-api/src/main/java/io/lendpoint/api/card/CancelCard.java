package io.lendpoint.api.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.3: cancel (注销) the card — only when nothing is outstanding on it. */
public record CancelCard(@TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId, @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reason) {
}
