package io.lendpoint.api.card;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §4.2.3: the library opens the collective borrowing card for an approved point whose agreement is in force. */
public record IssueCollectiveCard(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String servicePointId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "{validation.card-number}") String cardNumber,
        @NotNull(message = "{validation.required}") @Valid CardHolder holder) {
}
