package io.lendpoint.query.card;

import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.api.card.CardCancelled;
import io.lendpoint.api.card.CardHistoryEntry;
import io.lendpoint.api.card.CardHolderDataErased;
import io.lendpoint.api.card.CardHolderRevealed;
import io.lendpoint.api.card.CardLimitChanged;
import io.lendpoint.api.card.CardReinstated;
import io.lendpoint.api.card.CardReplaced;
import io.lendpoint.api.card.CardReportedLost;
import io.lendpoint.api.card.CardReservation;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.card.CardSuspended;
import io.lendpoint.api.card.CollectiveCardIssued;
import io.lendpoint.api.card.ItemsReleased;
import io.lendpoint.api.card.ItemsReserved;
import io.lendpoint.query.IdempotentUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Projects collective-card events into {@code collective_cards}: one document per point's card aggregate,
 * every update by exactly {@code _id}, each event applied at most once (see {@link CardDocument#lastSequence}).
 * A later {@link CollectiveCardIssued} (a card re-issued after cancellation) starts the card afresh; its
 * history goes on. Personal data stays protected: only the events' {@code ProtectedValue}s are stored.
 */
@Component
@ProcessingGroup(CardProjection.PROCESSING_GROUP)
class CardProjection {

    static final String PROCESSING_GROUP = "cards";

    private final MongoTemplate mongo;

    CardProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** §4.2.3, A.6 */
    @EventHandler
    void on(CollectiveCardIssued event, DomainEventMessage<CollectiveCardIssued> message) {
        CardDocument card = mongo.findById(event.cardId(), CardDocument.class);
        if (card == null) {
            card = new CardDocument();
            card.id = event.cardId();
            card.servicePointId = event.servicePointId();
            card.lastSequence = -1;
        } else if (message.getSequenceNumber() <= card.lastSequence) {
            return; // redelivered
        }
        card.cardNumber = event.cardNumber();
        card.itemLimit = event.itemLimit();
        card.reserved = 0;
        card.reservations = new ArrayList<>();
        card.holderSubjectId = event.holderSubjectId();
        card.holderName = event.holderName();
        card.holderIdNumber = event.holderIdNumber();
        card.holderPhone = event.holderPhone();
        card.holderErased = false;
        card.issuedAt = message.getTimestamp();
        record(card, message, CardStatus.ACTIVE, "card " + event.cardNumber() + " issued, limit " + event.itemLimit());
        mongo.save(card);
    }

    /** A.1.2 */
    @EventHandler
    void on(ItemsReserved event, DomainEventMessage<ItemsReserved> message) {
        update(event.cardId(), message, card -> {
            int before = card.reservations.stream().filter(r -> r.reservationId().equals(event.reservationId()))
                    .mapToInt(CardReservation::quantity).sum();
            card.reservations.removeIf(r -> r.reservationId().equals(event.reservationId()));
            card.reservations.add(new CardReservation(event.reservationId(), before + event.quantity()));
            card.reserved = event.reservedTotal();
            card.itemLimit = event.itemLimit();
            record(card, message, card.status, event.quantity() + " reserved for " + event.reservationId()
                    + "; " + event.reservedTotal() + " of " + event.itemLimit() + " taken");
        });
    }

    /** A.1.2 */
    @EventHandler
    void on(ItemsReleased event, DomainEventMessage<ItemsReleased> message) {
        update(event.cardId(), message, card -> {
            int before = card.reservations.stream().filter(r -> r.reservationId().equals(event.reservationId()))
                    .mapToInt(CardReservation::quantity).sum();
            card.reservations.removeIf(r -> r.reservationId().equals(event.reservationId()));
            if (before - event.quantity() > 0) {
                card.reservations.add(new CardReservation(event.reservationId(), before - event.quantity()));
            }
            card.reserved = event.reservedTotal();
            record(card, message, card.status, event.quantity() + " released from " + event.reservationId()
                    + "; " + event.reservedTotal() + " of " + card.itemLimit + " taken");
        });
    }

    /** A.1.2, A.5 */
    @EventHandler
    void on(CardLimitChanged event, DomainEventMessage<CardLimitChanged> message) {
        update(event.cardId(), message, card -> {
            card.itemLimit = event.itemLimit();
            record(card, message, card.status, "limit " + event.previousLimit() + " → " + event.itemLimit());
        });
    }

    @EventHandler
    void on(CardSuspended event, DomainEventMessage<CardSuspended> message) {
        update(event.cardId(), message, card -> record(card, message, CardStatus.SUSPENDED, event.reason()));
    }

    @EventHandler
    void on(CardReinstated event, DomainEventMessage<CardReinstated> message) {
        update(event.cardId(), message, card -> record(card, message, CardStatus.ACTIVE, event.note()));
    }

    @EventHandler
    void on(CardReportedLost event, DomainEventMessage<CardReportedLost> message) {
        update(event.cardId(), message, card -> record(card, message, CardStatus.REPORTED_LOST,
                "card " + event.cardNumber() + " reported lost" + (event.note() == null ? "" : ": " + event.note())));
    }

    /** The replacement is a new card number; reservations carry over. */
    @EventHandler
    void on(CardReplaced event, DomainEventMessage<CardReplaced> message) {
        update(event.cardId(), message, card -> {
            card.cardNumber = event.cardNumber();
            record(card, message, CardStatus.ACTIVE, "card " + event.previousCardNumber() + " replaced by "
                    + event.cardNumber());
        });
    }

    /** A.3 */
    @EventHandler
    void on(CardCancelled event, DomainEventMessage<CardCancelled> message) {
        update(event.cardId(), message, card -> record(card, message, CardStatus.CANCELLED,
                "card " + event.cardNumber() + " cancelled: " + event.reason()));
    }

    /** A.6: the read of the holder's data is part of the card's history (who read it is in the metadata). */
    @EventHandler
    void on(CardHolderRevealed event, DomainEventMessage<CardHolderRevealed> message) {
        update(event.cardId(), message, card -> record(card, message, card.status,
                "holder data read: " + event.purpose()));
    }

    /**
     * A.6: the key is gone; the protected values stay as they are but can never be read again. A former holder's
     * erasure (the card was issued again since) leaves the current holder as it is.
     */
    @EventHandler
    void on(CardHolderDataErased event, DomainEventMessage<CardHolderDataErased> message) {
        update(event.cardId(), message, card -> {
            boolean current = event.holderSubjectId().equals(card.holderSubjectId);
            card.holderErased = card.holderErased || current;
            record(card, message, card.status, (current ? "holder" : "former holder") + " data erased: "
                    + event.reason());
        });
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(CardDocument.class);
    }

    private void update(String cardId, DomainEventMessage<?> message, Consumer<CardDocument> change) {
        IdempotentUpdates.apply(mongo, CardDocument.class, cardId, message, change);
    }

    private static void record(CardDocument card, DomainEventMessage<?> message, CardStatus status, String summary) {
        card.status = status;
        card.lastSequence = message.getSequenceNumber();
        card.updatedAt = message.getTimestamp();
        card.history.add(new CardHistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                status, message.getTimestamp(), metaData(message, AuditMetadata.USER),
                metaData(message, AuditMetadata.ROLE), summary));
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
