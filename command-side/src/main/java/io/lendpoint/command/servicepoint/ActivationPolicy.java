package io.lendpoint.command.servicepoint;

import io.lendpoint.api.agreement.AgreementTookEffect;
import io.lendpoint.api.card.CollectiveCardIssued;
import io.lendpoint.api.servicepoint.ActivateServicePoint;
import io.lendpoint.api.servicepoint.PreparationItemCompleted;
import io.lendpoint.platform.messaging.PolicyCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * §4.3: a point goes live as soon as its checklist is complete, its agreement in force and its card active —
 * whichever of the three comes last triggers it. The activation command itself checks all three, so this policy
 * only tries, and a "not yet" refusal is expected. Runs after the triggering event is committed; never on replay.
 */
@Component
@ProcessingGroup(ActivationPolicy.PROCESSING_GROUP)
@DisallowReplay
class ActivationPolicy {

    static final String PROCESSING_GROUP = "activation-policy";

    private final PolicyCommands commands;

    ActivationPolicy(CommandGateway commands) {
        this.commands = new PolicyCommands(commands);
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
        commands.send(new ActivateServicePoint(servicePointId)); // "not ready yet" is the usual answer
    }
}
