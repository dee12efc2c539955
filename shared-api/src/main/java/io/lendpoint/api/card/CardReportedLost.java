package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** The card was reported lost. */
@Revision("1")
public record CardReportedLost(String cardId, String cardNumber, String note) {
}
