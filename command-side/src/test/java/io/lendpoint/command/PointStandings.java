package io.lendpoint.command;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.standing.Standings;

import java.util.function.Function;

/**
 * A {@link Standings} stand-in for fixture tests of aggregates that only ask about service points: each point's
 * status comes from {@code statusOf} (null: no such point); asking about an agreement or a card fails the test.
 */
public final class PointStandings implements Standings {

    private final Function<String, ServicePointStatus> statusOf;

    private PointStandings(Function<String, ServicePointStatus> statusOf) {
        this.statusOf = statusOf;
    }

    public static Standings of(Function<String, ServicePointStatus> statusOf) {
        return new PointStandings(statusOf);
    }

    @Override
    public ServicePointStanding servicePoint(String servicePointId) {
        ServicePointStatus status = statusOf.apply(servicePointId);
        return new ServicePointStanding(servicePointId, status, status == null ? null : "第一小学");
    }

    @Override
    public AgreementStanding agreement(String servicePointId) {
        throw new AssertionError("not asked in this test: the agreement of " + servicePointId);
    }

    @Override
    public CardStanding card(String servicePointId) {
        throw new AssertionError("not asked in this test: the card of " + servicePointId);
    }
}
