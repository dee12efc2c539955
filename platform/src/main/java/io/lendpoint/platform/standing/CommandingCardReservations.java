package io.lendpoint.platform.standing;

import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.ReleaseItems;
import io.lendpoint.api.card.ReserveItems;
import io.lendpoint.api.error.RuleViolationDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * {@link CardReservations} by sending {@code ReserveItems} to the card. Sent from within the batch's command,
 * it runs in a nested unit of work that commits with the batch's (in standalone: one transaction). The card's
 * refusal comes back as the card's own rule violation, so the caller sees why (e.g. card.capacity-exceeded).
 */
@Component
class CommandingCardReservations implements CardReservations {

    private final CommandGateway commands;

    CommandingCardReservations(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void reserve(String servicePointId, String batchId, int quantity) {
        send(new ReserveItems(CardIds.forServicePoint(servicePointId), batchId, quantity));
    }

    @Override
    public void release(String servicePointId, String batchId, int quantity) {
        send(new ReleaseItems(CardIds.forServicePoint(servicePointId), batchId, quantity));
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException refused) {
            throw refused.getDetails().filter(RuleViolationDetails.class::isInstance)
                    .map(details -> ((RuleViolationDetails) details).toException())
                    .orElseThrow(() -> refused);
        }
    }
}
