package io.lendpoint.command.card;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.servicepoint.ServicePointStanding;

/** What the card's rules need to know of the point and its agreement (asked of those aggregates, consistently). */
interface Standings {

    ServicePointStanding servicePoint(String servicePointId);

    AgreementStanding agreement(String servicePointId);
}
