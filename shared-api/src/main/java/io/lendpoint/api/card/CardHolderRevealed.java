package io.lendpoint.api.card;

import org.axonframework.serialization.Revision;

/** A.6: the holder's full personal data was read (who read it is in the event's audit metadata). */
@Revision("1")
public record CardHolderRevealed(String cardId, String holderSubjectId, String purpose) {
}
