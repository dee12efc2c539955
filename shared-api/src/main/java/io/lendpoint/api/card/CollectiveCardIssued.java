package io.lendpoint.api.card;

import io.lendpoint.api.personaldata.ProtectedValue;
import org.axonframework.serialization.Revision;

/** §4.2.3, A.6: the card was opened; holder details are protected values (never plaintext). */
@Revision("1")
public record CollectiveCardIssued(String cardId, String servicePointId, String cardNumber, String holderSubjectId, ProtectedValue holderName, ProtectedValue holderIdNumber, ProtectedValue holderPhone, int itemLimit) {
}
