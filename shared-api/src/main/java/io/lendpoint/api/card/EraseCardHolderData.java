package io.lendpoint.api.card;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A.6: erase a holder's personal data on request (crypto-shredding: the key is deleted). {@code holderSubjectId}
 * names the holder: the card's current one when absent, or a former one (a card cancelled and issued again keeps
 * its earlier holders' protected values in its history; the subject id is in each issue's event).
 */
public record EraseCardHolderData(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String cardId,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reason,
        @Size(min = 1, max = 100, message = "{validation.size}") String holderSubjectId) {

    /** The card's current holder. */
    public EraseCardHolderData(String cardId, String reason) {
        this(cardId, reason, null);
    }
}
