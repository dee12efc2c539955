package io.lendpoint.command.agreement;

import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStandingQuery;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStandingQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the service-point and card features through the query bus: features share messages, not classes. */
@Component("agreementStandings")
class QueryingStandings implements Standings {

    private final QueryGateway queries;

    QueryingStandings(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public ServicePointStanding servicePoint(String servicePointId) {
        return queries.query(new ServicePointStandingQuery(servicePointId), ServicePointStanding.class).join();
    }

    @Override
    public CardStanding card(String servicePointId) {
        return queries.query(new CardStandingQuery(servicePointId), CardStanding.class).join();
    }
}
