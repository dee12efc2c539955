package io.lendpoint.command.servicepoint;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.platform.standing.Standings;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.servicepoint.ActivateServicePoint;
import io.lendpoint.api.servicepoint.ApplyForServicePoint;
import io.lendpoint.api.servicepoint.ChangeService;
import io.lendpoint.api.servicepoint.OnSiteReadingRecorded;
import io.lendpoint.api.servicepoint.RecordOnSiteReading;
import io.lendpoint.api.servicepoint.ServiceChanged;
import io.lendpoint.api.servicepoint.CompletePreparationItem;
import io.lendpoint.api.servicepoint.PreparationItem;
import io.lendpoint.api.servicepoint.PreparationItemCompleted;
import io.lendpoint.api.servicepoint.ServicePointActivated;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ApproveServicePoint;
import io.lendpoint.api.servicepoint.ChangeServicePointContact;
import io.lendpoint.api.servicepoint.InspectSite;
import io.lendpoint.api.servicepoint.RejectServicePoint;
import io.lendpoint.api.servicepoint.ContactDataErased;
import io.lendpoint.api.servicepoint.EraseContactData;
import io.lendpoint.api.servicepoint.RecordedContact;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointApproved;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.api.servicepoint.NotificationEmailSet;
import io.lendpoint.api.servicepoint.SetNotificationEmail;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.api.servicepoint.SiteInspected;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §3.1, §4.1–§4.3: a collective-lending service point (集体外借服务点), from application through site
 * inspection and the library's decision to preparation and going live. Command handlers check the rules and apply events; event-sourcing
 * handlers only change state. A.6: each contact's phone is protected with a key of its own (one per appointment,
 * {@code contact-<point>-<n>}), and a former contact's can be erased on request.
 * <p>
 * The revision names the shape of this class's state: a snapshot of another revision is ignored and the point is
 * rebuilt from its events (revision 2: contacts are recorded with protected phones).
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "servicePointSnapshotTrigger", cache = "servicePointCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class ServicePoint {

    @AggregateIdentifier
    private String servicePointId;
    private ServicePointStatus status;
    private RecordedContact contact;
    /** How many contacts were appointed so far: numbers the key of the next one. */
    private int contactsAppointed;
    /** A.6: the subjects of former contacts' phones, and those erased. */
    private Set<String> formerContactSubjects = new HashSet<>();
    private Set<String> erasedContactSubjects = new HashSet<>();
    /** §5.4.1: where the point's notices are also e-mailed (null: nowhere). */
    private String notificationEmail;
    private int inspectionCount;
    /** Number of the latest inspection when it passed all three conditions of §4.1.2; 0 otherwise. */
    private int passedInspection;
    private String institutionName;
    /** §4.3: the preparation items completed so far. */
    private EnumSet<PreparationItem> prepared = EnumSet.noneOf(PreparationItem.class);

    ServicePoint() {
        // for Axon and Jackson
    }

    @CommandHandler
    ServicePoint(ApplyForServicePoint command, RecruitmentCampaigns campaigns, PersonalDataVault vault) {
        LocalDate today = LibraryTime.today(GenericEventMessage.clock);
        if (command.campaignId() != null) {
            campaigns.checkAcceptsApplication(command.campaignId(), command.institution().kind(),
                    command.institution().address().district(), today);
        }
        if (!command.plan().plannedReturn().isAfter(command.plan().plannedFirstBorrowing())) {
            throw RuleViolation.unprocessable("servicepoint.plan.return-before-borrowing",
                    "The planned return (" + command.plan().plannedReturn() + ") must come after the first borrowing ("
                            + command.plan().plannedFirstBorrowing() + ")",
                    command.plan().plannedReturn(), command.plan().plannedFirstBorrowing());
        }
        apply(new ServicePointApplied(command.servicePointId(), command.campaignId(), command.institution(),
                command.plan(), record(vault, command.servicePointId(), 1, command.contact()), command.space(),
                command.qualification()));
    }

    @CommandHandler
    void handle(InspectSite command) {
        requireUndecided("inspect");
        if (command.inspectedOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("servicepoint.inspection.in-future",
                    "An inspection cannot be recorded for a future date (" + command.inspectedOn() + ")",
                    command.inspectedOn());
        }
        boolean passed = command.needAndPlan().isMet() && command.responsiblePerson().isMet()
                && command.storageAndSafekeeping().isMet();
        apply(new SiteInspected(servicePointId, inspectionCount + 1, command.inspectedOn(), command.inspector(),
                command.needAndPlan(), command.responsiblePerson(), command.storageAndSafekeeping(), command.notes(),
                passed));
    }

    @CommandHandler
    void handle(ApproveServicePoint command) {
        requireUndecided("approve");
        if (passedInspection == 0) {
            throw RuleViolation.conflict("servicepoint.approval-requires-passed-inspection",
                    "Service point " + servicePointId + " cannot be approved: its latest site inspection has not "
                            + "confirmed all of §4.1.2 a–c", servicePointId);
        }
        apply(new ServicePointApproved(servicePointId, passedInspection, command.notes()));
    }

    @CommandHandler
    void handle(RejectServicePoint command) {
        requireUndecided("reject");
        apply(new ServicePointRejected(servicePointId, command.reason()));
    }

    @CommandHandler
    void handle(ChangeServicePointContact command, PersonalDataVault vault) {
        if (status == ServicePointStatus.REJECTED) {
            throw RuleViolation.conflict("servicepoint.rejected",
                    "Service point " + servicePointId + " was rejected; its contact cannot change", servicePointId);
        }
        if (command.contact().name().equals(contact.name())
                && vault.reveal(contact.phone()).map(command.contact().phone()::equals).orElse(false)) {
            return; // already the contact: nothing happened, nothing to record
        }
        apply(new ServicePointContactChanged(servicePointId, contact,
                record(vault, servicePointId, contactsAppointed + 1, command.contact()), command.reason()));
    }

    /**
     * A.6: erase a former contact's phone on request. The key goes first (erasure is what was asked for, and
     * repeating it is harmless); the event then records it. The current contact's is refused: change it first.
     */
    @CommandHandler
    void handle(EraseContactData command, PersonalDataVault vault) {
        if (erasedContactSubjects.contains(command.subjectId())) {
            return; // erased already: nothing new happened
        }
        if (contact.subjectId().equals(command.subjectId())) {
            throw RuleViolation.conflict("servicepoint.contact-current", "The phone of " + contact.name()
                    + ", the current contact of " + servicePointId + ", cannot be erased; §4.1.2 b wants a reachable "
                    + "responsible person: name the new contact first", servicePointId, command.subjectId());
        }
        if (!formerContactSubjects.contains(command.subjectId())) {
            throw RuleViolation.unprocessable("servicepoint.contact-unknown", command.subjectId()
                    + " is not a former contact of " + servicePointId, servicePointId, command.subjectId());
        }
        vault.erase(command.subjectId());
        apply(new ContactDataErased(servicePointId, command.subjectId(), command.reason()));
    }

    /** The contact as events carry it: the phone under the key of the point's {@code n}-th appointment. */
    private static RecordedContact record(PersonalDataVault vault, String servicePointId, int n,
                                          ResponsibleContact contact) {
        return new RecordedContact(contact.name(), vault.protect(RecordedContact.subjectOf(servicePointId, n),
                contact.phone()));
    }

    /** §5.4.1: the mailbox for the point's notices; setting the same address again records nothing. */
    @CommandHandler
    void handle(SetNotificationEmail command) {
        if (status == ServicePointStatus.REJECTED) {
            throw RuleViolation.conflict("servicepoint.rejected", "Service point " + servicePointId
                    + " was rejected; it gets no notices", servicePointId);
        }
        String email = command.email() == null || command.email().isBlank() ? null : command.email().strip();
        if (java.util.Objects.equals(email, notificationEmail)) {
            return;
        }
        apply(new NotificationEmailSet(servicePointId, notificationEmail, email));
    }

    @CommandHandler
    void handle(CompletePreparationItem command) {
        if (status != ServicePointStatus.APPROVED && status != ServicePointStatus.ACTIVE) {
            throw RuleViolation.conflict("servicepoint.not-approved", "Service point " + servicePointId + " is "
                    + status + "; §4.3 preparation follows approval", servicePointId, status);
        }
        if (command.completedOn().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("servicepoint.preparation.in-future",
                    "A preparation item cannot be completed on a future date (" + command.completedOn() + ")",
                    command.completedOn());
        }
        if (prepared.contains(command.item())) {
            return; // completed already: nothing new happened
        }
        apply(new PreparationItemCompleted(servicePointId, command.item(), command.completedOn(), command.note()));
    }

    @CommandHandler
    void handle(ActivateServicePoint command, Standings standings) {
        if (status == ServicePointStatus.ACTIVE) {
            return; // live already: activation is asked again by each of its triggers
        }
        if (status != ServicePointStatus.APPROVED) {
            throw RuleViolation.conflict("servicepoint.not-approved", "Service point " + servicePointId + " is "
                    + status + "; only an approved point goes live", servicePointId, status);
        }
        EnumSet<PreparationItem> missing = EnumSet.complementOf(prepared);
        if (!missing.isEmpty()) {
            throw RuleViolation.conflict("servicepoint.preparation-incomplete", "§4.3 preparation of "
                    + servicePointId + " is not complete: " + missing, servicePointId, missing);
        }
        AgreementStanding agreement = standings.agreement(servicePointId);
        if (!agreement.inForce()) {
            throw RuleViolation.conflict("servicepoint.agreement-not-in-force", "The agreement of " + servicePointId
                    + " is not in force", servicePointId);
        }
        CardStanding card = standings.card(servicePointId);
        if (!card.active()) {
            throw RuleViolation.conflict("servicepoint.card-not-active", "The collective card of " + servicePointId
                    + " is not active", servicePointId);
        }
        apply(new ServicePointActivated(servicePointId, agreement.agreementId(), card.cardId(),
                LibraryTime.today(GenericEventMessage.clock)));
    }

    /** §5.3.2: only a live point changes its service. */
    @CommandHandler
    void handle(ChangeService command) {
        requireLive("change the service of");
        apply(new ServiceChanged(servicePointId, command.kind(), command.description(), command.effectiveFrom()));
    }

    /** §5.3.1: on-site reading at a live point, not for a future day. */
    @CommandHandler
    void handle(RecordOnSiteReading command) {
        requireLive("record reading at");
        if (command.day().isAfter(LibraryTime.today(GenericEventMessage.clock))) {
            throw RuleViolation.unprocessable("servicepoint.reading-in-future", "Reading cannot be recorded for a "
                    + "future day (" + command.day() + ")", command.day());
        }
        apply(new OnSiteReadingRecorded(servicePointId, command.day(), command.sessions(), command.readers()));
    }

    private void requireLive(String action) {
        if (status != ServicePointStatus.ACTIVE) {
            throw RuleViolation.conflict("servicepoint.not-live", "Service point " + servicePointId + " is " + status
                    + "; only a live point can " + action + " it", servicePointId, status);
        }
    }

    ServicePointStanding standing() {
        return new ServicePointStanding(servicePointId, status, institutionName);
    }

    private void requireUndecided(String action) {
        if (status == ServicePointStatus.APPROVED || status == ServicePointStatus.REJECTED
                || status == ServicePointStatus.ACTIVE) {
            throw RuleViolation.conflict("servicepoint.already-decided",
                    "Service point " + servicePointId + " is " + status + " already; cannot " + action,
                    servicePointId, status);
        }
    }

    @EventSourcingHandler
    void on(ServicePointApplied event) {
        servicePointId = event.servicePointId();
        institutionName = event.institution().name();
        contact = event.contact();
        contactsAppointed = 1;
        status = ServicePointStatus.APPLIED;
    }

    @EventSourcingHandler
    void on(SiteInspected event) {
        inspectionCount = event.inspectionNumber();
        passedInspection = event.passed() ? event.inspectionNumber() : 0;
        status = event.passed() ? ServicePointStatus.INSPECTION_PASSED : ServicePointStatus.INSPECTION_FAILED;
    }

    @EventSourcingHandler
    void on(ServicePointApproved event) {
        status = ServicePointStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ServicePointRejected event) {
        status = ServicePointStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ServicePointContactChanged event) {
        formerContactSubjects.add(event.previous().subjectId());
        contact = event.contact();
        contactsAppointed++;
    }

    @EventSourcingHandler
    void on(ContactDataErased event) {
        erasedContactSubjects.add(event.subjectId());
    }

    @EventSourcingHandler
    void on(NotificationEmailSet event) {
        notificationEmail = event.email();
    }

    @EventSourcingHandler
    void on(PreparationItemCompleted event) {
        prepared.add(event.item());
    }

    @EventSourcingHandler
    void on(ServicePointActivated event) {
        status = ServicePointStatus.ACTIVE;
    }
}
