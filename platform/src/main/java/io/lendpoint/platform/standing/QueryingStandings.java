package io.lendpoint.platform.standing;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStandingQuery;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStandingQuery;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStandingQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** {@link Standings} over the query bus (answered on the command side by the owning feature). */
@Component
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
    public AgreementStanding agreement(String servicePointId) {
        return queries.query(new AgreementStandingQuery(servicePointId), AgreementStanding.class).join();
    }

    @Override
    public CardStanding card(String servicePointId) {
        return queries.query(new CardStandingQuery(servicePointId), CardStanding.class).join();
    }
}
