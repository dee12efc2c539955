package io.lendpoint.query.card;

import io.lendpoint.api.card.CardHistoryEntry;
import io.lendpoint.api.card.CardReservation;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One point's collective card in collection {@code collective_cards}, keyed by the card id
 * ({@code card-<servicePointId>}); idempotent by {@code lastSequence}. A.6: the holder's name, ID number and phone
 * are kept only as the events carry them, as {@link ProtectedValue}s (ciphertext under the holder's own key) —
 * never in plaintext; {@code holderErased} records that the key was deleted. Reservations are a list of
 * {reservationId, quantity} (reservation ids are not used as field names, so any id is safe).
 */
@Document(CardDocument.COLLECTION)
class CardDocument implements SequencedDocument {

    static final String COLLECTION = "collective_cards";

    @Id
    String id;
    String servicePointId;
    long lastSequence;
    String cardNumber;
    @Indexed
    CardStatus status;
    int itemLimit;
    /** What the card has out or promised (A.1.2), as the card aggregate counted it. */
    int reserved;
    List<CardReservation> reservations = new ArrayList<>();
    String holderSubjectId;
    ProtectedValue holderName;
    ProtectedValue holderIdNumber;
    ProtectedValue holderPhone;
    boolean holderErased;
    List<CardHistoryEntry> history = new ArrayList<>();
    Instant issuedAt;
    Instant updatedAt;

    int free() {
        return itemLimit - reserved;
    }

    @Override
    public long lastAppliedSequence() {
        return lastSequence;
    }

    @Override
    public void markApplied(long sequence) {
        lastSequence = sequence;
    }
}
