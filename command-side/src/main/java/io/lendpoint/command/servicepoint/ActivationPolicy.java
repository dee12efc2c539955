package io.lendpoint.command.servicepoint;

import io.lendpoint.api.agreement.AgreementTookEffect;
import io.lendpoint.api.card.CollectiveCardIssued;
import io.lendpoint.api.error.RuleViolationDetails;
import io.lendpoint.api.error.RuleViolationKind;
import io.lendpoint.api.servicepoint.ActivateServicePoint;
import io.lendpoint.api.servicepoint.PreparationItemCompleted;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * §4.3: a point goes live as soon as its checklist is complete, its agreement in force and its card active —
 * whichever of the three comes last triggers it. The activation command itself checks all three, so this policy
 * only tries, and a "not yet" answer is expected. Runs after the triggering event is committed; never on replay.
 */
@Component
@ProcessingGroup(ActivationPolicy.PROCESSING_GROUP)
@DisallowReplay
class ActivationPolicy {

    static final String PROCESSING_GROUP = "activation-policy";

    private final CommandGateway commands;

    ActivationPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PreparationItemCompleted event) {
        tryToActivate(event.servicePointId());
    }

    @EventHandler
    void on(AgreementTookEffect event) {
        tryToActivate(event.servicePointId());
    }

    @EventHandler
    void on(CollectiveCardIssued event) {
        tryToActivate(event.servicePointId());
    }

    private void tryToActivate(String servicePointId) {
        try {
            commands.sendAndWait(new ActivateServicePoint(servicePointId));
        } catch (CommandExecutionException refused) {
            boolean notYet = refused.getDetails().filter(RuleViolationDetails.class::isInstance)
                    .map(d -> ((RuleViolationDetails) d).kind() == RuleViolationKind.CONFLICT).orElse(false);
            if (!notYet) {
                throw refused; // anything but "not ready yet" is a real failure: let the processor retry
            }
        }
    }
}
