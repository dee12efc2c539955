package io.lendpoint.command.card;

import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStandingQuery;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers other features' rules from the card aggregate itself. */
@Component
class CardStandingQueries {

    private final Repository<CollectiveCard> cards;

    CardStandingQueries(Repository<CollectiveCard> cards) {
        this.cards = cards;
    }

    @QueryHandler
    CardStanding handle(CardStandingQuery query) {
        String cardId = CardIds.forServicePoint(query.servicePointId());
        try {
            return cards.load(cardId).invoke(CollectiveCard::standing);
        } catch (AggregateNotFoundException none) {
            return new CardStanding(cardId, null, 0, 0);
        }
    }
}
