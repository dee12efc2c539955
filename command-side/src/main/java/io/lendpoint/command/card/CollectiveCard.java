package io.lendpoint.command.card;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.card.CancelCard;
import io.lendpoint.api.card.CardCancelled;
import io.lendpoint.api.card.CardHolder;
import io.lendpoint.api.card.CardHolderDataErased;
import io.lendpoint.api.card.CardHolderRevealed;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.CardLimitChanged;
import io.lendpoint.api.card.CardReinstated;
import io.lendpoint.api.card.CardReplaced;
import io.lendpoint.api.card.CardReportedLost;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.card.CardSuspended;
import io.lendpoint.api.card.ChangeCardLimit;
import io.lendpoint.api.card.CollectiveCardIssued;
import io.lendpoint.api.card.EraseCardHolderData;
import io.lendpoint.api.card.IssueCollectiveCard;
import io.lendpoint.api.card.ItemsReleased;
import io.lendpoint.api.card.ItemsReserved;
import io.lendpoint.api.card.ReinstateCard;
import io.lendpoint.api.card.ReleaseItems;
import io.lendpoint.api.card.ReplaceCard;
import io.lendpoint.api.card.ReportCardLost;
import io.lendpoint.api.card.ReserveItems;
import io.lendpoint.api.card.RevealCardHolder;
import io.lendpoint.api.card.SuspendCard;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.standing.Standings;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §4.2.3, A.1.2, A.3, A.6: the collective borrowing card (集体外借证) of one service point, and the single source
 * of truth for its limit: every loan batch reserves items here before it may be picked, and releases them as
 * they are accounted for. Reservations on one card are serialised by the aggregate, so the limit holds under
 * concurrent requests. Holder details are kept only as values protected with the holder's own key; a card
 * cancelled and issued again keeps its former holders' subjects, so their data can be erased too.
 * <p>
 * The revision names the shape of this class's state: a snapshot of another revision is ignored and the card is
 * rebuilt from its events (revision 2: the former and the erased holders' subjects).
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "cardSnapshotTrigger", cache = "cardCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CollectiveCard {

    @AggregateIdentifier
    private String cardId;
    private String servicePointId;
    private String cardNumber;
    private CardStatus status;
    /** A card reported lost while suspended stays suspended when it is replaced. */
    private boolean suspendedWhenLost;
    private int itemLimit;
    private int reserved;
    private Map<String, Integer> reservations = new HashMap<>();
    private String holderSubjectId;
    private ProtectedValue holderName;
    private ProtectedValue holderIdNumber;
    private ProtectedValue holderPhone;
    private boolean holderErased;
    /** A.6: the subjects of the holders before the current one (a card cancelled and issued again). */
    private Set<String> formerHolderSubjects = new HashSet<>();
    private Set<String> erasedHolderSubjects = new HashSet<>();

    CollectiveCard() {
        // for Axon and Jackson
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueCollectiveCard command, Standings standings, PersonalDataVault vault) {
        if (!command.cardId().equals(CardIds.forServicePoint(command.servicePointId()))) {
            throw RuleViolation.unprocessable("card.id-mismatch", "Card " + command.cardId()
                    + " is not the card of service point " + command.servicePointId(), command.cardId());
        }
        if (status != null && status != CardStatus.CANCELLED) {
            throw RuleViolation.conflict("card.exists", "Service point " + command.servicePointId() + " has a card ("
                    + cardNumber + ", " + status + "); one card per point", command.servicePointId(), cardNumber, status);
        }
        if (!standings.servicePoint(command.servicePointId()).approved()) {
            throw RuleViolation.conflict("card.point-not-approved", "Service point " + command.servicePointId()
                    + " is not approved (§4.2.3)", command.servicePointId());
        }
        AgreementStanding agreement = standings.agreement(command.servicePointId());
        if (!agreement.inForce()) {
            throw RuleViolation.conflict("card.agreement-not-in-force", "The agreement of service point "
                    + command.servicePointId() + " is not in force (§4.2.3)", command.servicePointId());
        }
        String subject = "card-holder-" + UUID.randomUUID();
        CardHolder holder = command.holder();
        apply(new CollectiveCardIssued(command.cardId(), command.servicePointId(), command.cardNumber(), subject,
                vault.protect(subject, holder.name()), vault.protect(subject, holder.idNumber()),
                vault.protect(subject, holder.phone()), agreement.terms().maxItemsOut()));
    }

    @CommandHandler
    void handle(ReserveItems command) {
        requireStatus(CardStatus.ACTIVE, "reserve items on");
        Integer existing = reservations.get(command.reservationId());
        if (existing != null) {
            if (existing == command.quantity()) {
                return; // the same reservation again (a retry): nothing new happened
            }
            throw RuleViolation.conflict("card.reservation-exists", "Reservation " + command.reservationId()
                    + " holds " + existing + " items already", command.reservationId(), existing);
        }
        if (reserved + command.quantity() > itemLimit) {
            throw RuleViolation.conflict("card.capacity-exceeded", "A.1.2: card " + cardNumber + " can take "
                    + (itemLimit - reserved) + " more items (limit " + itemLimit + "), not " + command.quantity(),
                    command.quantity(), itemLimit - reserved, itemLimit);
        }
        apply(new ItemsReserved(cardId, command.reservationId(), command.quantity(), reserved + command.quantity(),
                itemLimit));
    }

    @CommandHandler
    void handle(ReleaseItems command) {
        Integer held = reservations.get(command.reservationId());
        if (held == null) {
            throw RuleViolation.unprocessable("card.reservation-unknown", "Card " + cardNumber + " holds no reservation "
                    + command.reservationId(), command.reservationId());
        }
        if (command.quantity() > held) {
            throw RuleViolation.unprocessable("card.release-exceeds-reservation", "Reservation "
                    + command.reservationId() + " holds " + held + " items, not " + command.quantity(),
                    command.reservationId(), held, command.quantity());
        }
        apply(new ItemsReleased(cardId, command.reservationId(), command.quantity(), reserved - command.quantity()));
    }

    @CommandHandler
    void handle(ChangeCardLimit command) {
        requireNotCancelled("change the limit of");
        if (command.itemLimit() > AgreementTerms.STANDARD_MAX_ITEMS_OUT) {
            throw RuleViolation.unprocessable("card.limit-above-standard", "A.1.2 allows at most "
                    + AgreementTerms.STANDARD_MAX_ITEMS_OUT + " books out at once", command.itemLimit());
        }
        if (command.itemLimit() != itemLimit) {
            apply(new CardLimitChanged(cardId, itemLimit, command.itemLimit()));
        }
    }

    @CommandHandler
    void handle(SuspendCard command) {
        requireStatus(CardStatus.ACTIVE, "suspend");
        apply(new CardSuspended(cardId, command.reason()));
    }

    @CommandHandler
    void handle(ReinstateCard command) {
        requireStatus(CardStatus.SUSPENDED, "reinstate");
        apply(new CardReinstated(cardId, command.note()));
    }

    @CommandHandler
    void handle(ReportCardLost command) {
        if (status != CardStatus.ACTIVE && status != CardStatus.SUSPENDED) {
            throw wrongStatus("report lost");
        }
        apply(new CardReportedLost(cardId, cardNumber, command.note()));
    }

    @CommandHandler
    void handle(ReplaceCard command) {
        requireStatus(CardStatus.REPORTED_LOST, "replace");
        if (command.newCardNumber().equals(cardNumber)) {
            throw RuleViolation.unprocessable("card.same-number", "A replacement card needs a new number, not "
                    + cardNumber, cardNumber);
        }
        apply(new CardReplaced(cardId, cardNumber, command.newCardNumber()));
    }

    @CommandHandler
    void handle(CancelCard command) {
        requireNotCancelled("cancel");
        if (reserved > 0) {
            throw RuleViolation.conflict("card.items-outstanding", "A.3: card " + cardNumber + " still has " + reserved
                    + " items out or reserved; it can be cancelled only when nothing is outstanding", reserved);
        }
        apply(new CardCancelled(cardId, servicePointId, cardNumber, command.reason()));
    }

    /** A.6: answers the holder's full details and records that they were read (the reader is in the metadata). */
    @CommandHandler
    CardHolder handle(RevealCardHolder command, PersonalDataVault vault) {
        if (holderErased) {
            throw RuleViolation.conflict("card.holder-erased", "The holder's personal data of card " + cardNumber
                    + " was erased", cardNumber);
        }
        CardHolder holder = new CardHolder(reveal(vault, holderName), reveal(vault, holderIdNumber),
                reveal(vault, holderPhone));
        apply(new CardHolderRevealed(cardId, holderSubjectId, command.purpose()));
        return holder;
    }

    /**
     * A.6: erase the current holder's or a former holder's data on request. The key goes first (erasure is what was
     * asked for, and repeating it is harmless); the event then records it. Events keep their protected values,
     * which nobody can read any more.
     */
    @CommandHandler
    void handle(EraseCardHolderData command, PersonalDataVault vault) {
        String subject = command.holderSubjectId() == null ? holderSubjectId : command.holderSubjectId();
        if (erasedHolderSubjects.contains(subject)) {
            return; // erased already: nothing new happened
        }
        if (!subject.equals(holderSubjectId) && !formerHolderSubjects.contains(subject)) {
            throw RuleViolation.unprocessable("card.holder-unknown", subject + " is not a holder of card "
                    + cardNumber, cardNumber, subject);
        }
        vault.erase(subject);
        apply(new CardHolderDataErased(cardId, subject, command.reason()));
    }

    CardStanding standing() {
        return new CardStanding(cardId, status, itemLimit, reserved);
    }

    private String reveal(PersonalDataVault vault, ProtectedValue value) {
        return vault.reveal(value).orElseThrow(() -> RuleViolation.conflict("card.holder-erased",
                "The holder's personal data of card " + cardNumber + " was erased", cardNumber));
    }

    private void requireStatus(CardStatus required, String action) {
        if (status != required) {
            throw wrongStatus(action);
        }
    }

    private void requireNotCancelled(String action) {
        if (status == CardStatus.CANCELLED) {
            throw wrongStatus(action);
        }
    }

    private RuleViolation wrongStatus(String action) {
        return RuleViolation.conflict("card.wrong-status", "Card " + cardNumber + " is " + status + "; cannot "
                + action + " it", cardNumber, status);
    }

    @EventSourcingHandler
    void on(CollectiveCardIssued event) {
        cardId = event.cardId();
        servicePointId = event.servicePointId();
        cardNumber = event.cardNumber();
        status = CardStatus.ACTIVE;
        itemLimit = event.itemLimit();
        reserved = 0;
        reservations = new HashMap<>();
        if (holderSubjectId != null) {
            formerHolderSubjects.add(holderSubjectId); // issued again: the holder before is a former one
        }
        holderSubjectId = event.holderSubjectId();
        holderName = event.holderName();
        holderIdNumber = event.holderIdNumber();
        holderPhone = event.holderPhone();
        holderErased = erasedHolderSubjects.contains(holderSubjectId);
    }

    @EventSourcingHandler
    void on(ItemsReserved event) {
        reservations.put(event.reservationId(), event.quantity());
        reserved = event.reservedTotal();
    }

    @EventSourcingHandler
    void on(ItemsReleased event) {
        int left = reservations.get(event.reservationId()) - event.quantity();
        if (left == 0) {
            reservations.remove(event.reservationId());
        } else {
            reservations.put(event.reservationId(), left);
        }
        reserved = event.reservedTotal();
    }

    @EventSourcingHandler
    void on(CardLimitChanged event) {
        itemLimit = event.itemLimit();
    }

    @EventSourcingHandler
    void on(CardSuspended event) {
        status = CardStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(CardReinstated event) {
        status = CardStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CardReportedLost event) {
        suspendedWhenLost = status == CardStatus.SUSPENDED;
        status = CardStatus.REPORTED_LOST;
    }

    @EventSourcingHandler
    void on(CardReplaced event) {
        cardNumber = event.cardNumber();
        status = suspendedWhenLost ? CardStatus.SUSPENDED : CardStatus.ACTIVE;
        suspendedWhenLost = false;
    }

    @EventSourcingHandler
    void on(CardCancelled event) {
        status = CardStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(CardHolderDataErased event) {
        erasedHolderSubjects.add(event.holderSubjectId());
        holderErased = erasedHolderSubjects.contains(holderSubjectId);
    }
}
