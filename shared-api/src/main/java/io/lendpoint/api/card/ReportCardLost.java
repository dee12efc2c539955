package io.lendpoint.api.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The card was lost (挂失): nothing can be borrowed on it until it is replaced. */
public record ReportCardLost(@TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId, @Size(max = 500, message = "{validation.size}") String note) {
}
