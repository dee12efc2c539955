package io.lendpoint.command.card;

import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementTerminated;
import io.lendpoint.api.agreement.AmendmentTookEffect;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.ChangeCardLimit;
import io.lendpoint.api.card.SuspendCard;
import io.lendpoint.platform.messaging.PolicyCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The card follows its agreement: A.5 an amended limit becomes the card's limit on the day it takes effect; A.3 when the agreement ends the
 * card is suspended, so nothing new is lent while the books go back (returns still release capacity). A point
 * without a card, or a card that is not in a state for the change, is left as it is (the card refuses).
 */
@Component
@ProcessingGroup(CardPolicy.PROCESSING_GROUP)
@DisallowReplay
class CardPolicy {

    static final String PROCESSING_GROUP = "card-policy";

    private final PolicyCommands commands;

    CardPolicy(CommandGateway commands) {
        this.commands = new PolicyCommands(commands);
    }

    @EventHandler
    void on(AmendmentTookEffect event) {
        if (event.terms().maxItemsOut() != event.previous().maxItemsOut()) {
            commands.send(new ChangeCardLimit(cardOf(event.agreementId()), event.terms().maxItemsOut()));
        }
    }

    @EventHandler
    void on(AgreementTerminated event) {
        commands.send(new SuspendCard(CardIds.forServicePoint(event.servicePointId()),
                "A.3 协议终止，归还期至 " + event.returnDeadline() + " / agreement ended; books due back by "
                        + event.returnDeadline()));
    }

    private static String cardOf(String agreementId) {
        return CardIds.forServicePoint(AgreementIds.servicePointOf(agreementId));
    }

}
