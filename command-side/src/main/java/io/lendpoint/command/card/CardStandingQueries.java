package io.lendpoint.command.card;

import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStandingQuery;
import io.lendpoint.platform.standing.StandingLoads;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers other features' rules from the card aggregate itself. */
@Component
class CardStandingQueries {

    private final Repository<CollectiveCard> cards;
    private final StandingLoads loads;

    CardStandingQueries(Repository<CollectiveCard> cards, StandingLoads loads) {
        this.cards = cards;
        this.loads = loads;
    }

    @QueryHandler
    CardStanding handle(CardStandingQuery query) {
        String cardId = CardIds.forServicePoint(query.servicePointId());
        try {
            return loads.read(cards, CollectiveCard.class, cardId, CollectiveCard::standing);
        } catch (AggregateNotFoundException none) {
            return new CardStanding(cardId, null, 0, 0);
        }
    }
}
