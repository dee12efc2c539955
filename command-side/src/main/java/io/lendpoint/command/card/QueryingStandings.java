package io.lendpoint.command.card;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStandingQuery;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStandingQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the service-point and agreement features through the query bus. */
@Component("cardStandings")
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
}
