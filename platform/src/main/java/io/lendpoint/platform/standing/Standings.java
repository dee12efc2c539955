package io.lendpoint.platform.standing;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.servicepoint.ServicePointStanding;

/**
 * The questions one feature's rules ask about another's aggregates (§4.2.2 an agreement for an approved point,
 * §4.2.3 a card under an agreement in force, §4.3 activation, A.3 books still out). Answered by the owning
 * feature from its aggregate, through the query bus, so features share messages and never classes. Aggregates
 * take it as an injected resource; fixture tests supply a stand-in.
 */
public interface Standings {

    ServicePointStanding servicePoint(String servicePointId);

    AgreementStanding agreement(String servicePointId);

    CardStanding card(String servicePointId);
}
