package io.lendpoint.command.servicepoint;

import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStandingQuery;
import io.lendpoint.platform.standing.StandingLoads;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers other features' rules (agreement, card) from the service-point aggregate itself. */
@Component
class ServicePointStandingQueries {

    private final Repository<ServicePoint> servicePoints;
    private final StandingLoads loads;

    ServicePointStandingQueries(Repository<ServicePoint> servicePoints, StandingLoads loads) {
        this.servicePoints = servicePoints;
        this.loads = loads;
    }

    @QueryHandler
    ServicePointStanding handle(ServicePointStandingQuery query) {
        try {
            return loads.read(servicePoints, ServicePoint.class, query.servicePointId(), ServicePoint::standing);
        } catch (AggregateNotFoundException none) {
            return new ServicePointStanding(query.servicePointId(), null, null);
        }
    }
}
