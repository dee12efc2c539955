package io.lendpoint.command.agreement;

import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStandingQuery;
import io.lendpoint.platform.standing.StandingLoads;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers other features' rules from the agreement aggregate itself (not from a projection that may lag). */
@Component
class AgreementStandingQueries {

    private final Repository<Agreement> agreements;
    private final StandingLoads loads;

    AgreementStandingQueries(Repository<Agreement> agreements, StandingLoads loads) {
        this.agreements = agreements;
        this.loads = loads;
    }

    @QueryHandler
    AgreementStanding handle(AgreementStandingQuery query) {
        String agreementId = AgreementIds.forServicePoint(query.servicePointId());
        try {
            return loads.read(agreements, Agreement.class, agreementId, Agreement::standing);
        } catch (AggregateNotFoundException none) {
            return new AgreementStanding(agreementId, null, null, null);
        }
    }
}
