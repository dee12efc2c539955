package io.lendpoint.command.agreement;

import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.servicepoint.ServicePointStanding;

/** What the agreement's rules need to know of the point and its card (asked of those aggregates, consistently). */
interface Standings {

    ServicePointStanding servicePoint(String servicePointId);

    CardStanding card(String servicePointId);
}
