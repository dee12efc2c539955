package io.lendpoint.command.servicepoint;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.card.CardStanding;

/** §4.3: what activation needs to know of the point's agreement and card (asked of those aggregates). */
interface Standings {

    AgreementStanding agreement(String servicePointId);

    CardStanding card(String servicePointId);
}
