package io.lendpoint.command.servicepoint;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStandingQuery;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStandingQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the agreement and card features through the query bus. */
@Component("servicePointStandings")
class QueryingStandings implements Standings {

    private final QueryGateway queries;

    QueryingStandings(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public AgreementStanding agreement(String servicePointId) {
        return queries.query(new AgreementStandingQuery(servicePointId), AgreementStanding.class).join();
    }

    @Override
    public CardStanding card(String servicePointId) {
        return queries.query(new CardStandingQuery(servicePointId), CardStanding.class).join();
    }
}
