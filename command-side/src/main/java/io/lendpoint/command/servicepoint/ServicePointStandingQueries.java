package io.lendpoint.command.servicepoint;

import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStandingQuery;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers other features' rules (agreement, card) from the service-point aggregate itself. */
@Component
class ServicePointStandingQueries {

    private final Repository<ServicePoint> servicePoints;

    ServicePointStandingQueries(Repository<ServicePoint> servicePoints) {
        this.servicePoints = servicePoints;
    }

    @QueryHandler
    ServicePointStanding handle(ServicePointStandingQuery query) {
        try {
            return servicePoints.load(query.servicePointId()).invoke(ServicePoint::standing);
        } catch (AggregateNotFoundException none) {
            return new ServicePointStanding(query.servicePointId(), null, null);
        }
    }
}
