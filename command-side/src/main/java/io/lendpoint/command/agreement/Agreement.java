package io.lendpoint.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.agreement.EraseHandlerData;
import io.lendpoint.api.agreement.HandlerDataErased;
import io.lendpoint.api.agreement.Party;
import io.lendpoint.api.agreement.RecordedParty;
import io.lendpoint.api.agreement.AgreementAmended;
import io.lendpoint.api.agreement.AgreementClosed;
import io.lendpoint.api.agreement.AgreementContinued;
import io.lendpoint.api.agreement.AgreementDrafted;
import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementPeriodEnds;
import io.lendpoint.api.agreement.AgreementSigned;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.agreement.AgreementTerminated;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AgreementTookEffect;
import io.lendpoint.api.agreement.AmendAgreement;
import io.lendpoint.api.agreement.AmendmentDue;
import io.lendpoint.api.agreement.AmendmentTookEffect;
import io.lendpoint.api.agreement.ConfirmAllBooksReturned;
import io.lendpoint.api.agreement.DraftAgreement;
import io.lendpoint.api.agreement.LodgeObjection;
import io.lendpoint.api.agreement.ObjectionLodged;
import io.lendpoint.api.agreement.ReturnDeadlineReached;
import io.lendpoint.api.agreement.ReturnPeriodOverdue;
import io.lendpoint.api.agreement.Side;
import io.lendpoint.api.agreement.SignAgreement;
import io.lendpoint.api.agreement.TerminateAgreement;
import io.lendpoint.api.agreement.TerminationReason;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.rules.RuleSets;
import io.lendpoint.api.rules.UnknownRuleSetException;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * §4.2.2, A.3–A.5: the collective-lending agreement (集体外借服务协议) of one service point, through its
 * successive contracts: drafted, signed by both parties, in force from the later signature, amended, continued
 * automatically at the end of each validity unless a party objected (A.4), ended for any reason with a
 * 30-working-day return period (A.3), closed when every book is back. The end of a validity and the end of a
 * return period are durable deadlines. Deadlines are never cancelled (cancelling by name scans every scheduled
 * deadline): each handler recognises a stale or repeated one by its payload and ignores it. A.6: the handlers'
 * phones are protected, each with a key of its own ({@code handler-<agreement>-<contract>-<side>}), and erasable.
 */
@Aggregate(cache = "agreementCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Agreement {

    static final String PERIOD_END = "agreement-period-end";
    static final String RETURN_DEADLINE = "agreement-return-deadline";
    static final String AMENDMENT_DUE = "agreement-amendment-due";

    @AggregateIdentifier
    private String agreementId;
    private String servicePointId;
    private int contractNumber;
    private AgreementStatus status;
    /** The terms in force now. */
    private AgreementTerms terms;
    /** A.5: agreed terms waiting for their effective date (the latest amendment supersedes an earlier one). */
    private AgreementTerms pendingTerms;
    private LocalDate pendingFrom;
    private LocalDate librarySignedOn;
    private LocalDate servicePointSignedOn;
    private LocalDate periodStart;
    private LocalDate validUntil;
    private Side objectionBy;
    private String objectionReason;
    private LocalDate returnDeadline;
    /** A.6: the subjects of the handlers' phones of every contract, and those erased. */
    private Set<String> handlerSubjects = new HashSet<>();
    private Set<String> erasedHandlerSubjects = new HashSet<>();

    Agreement() {
        // for Axon and Jackson
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftAgreement command, Standings standings, RuleSets rules, PersonalDataVault vault) {
        if (!command.agreementId().equals(AgreementIds.forServicePoint(command.servicePointId()))) {
            throw RuleViolation.unprocessable("agreement.id-mismatch", "Agreement " + command.agreementId()
                    + " is not the agreement of service point " + command.servicePointId(), command.agreementId());
        }
        if (status != null && status != AgreementStatus.CLOSED) {
            throw RuleViolation.conflict("agreement.exists", "Service point " + command.servicePointId()
                    + " has an agreement that is " + status + "; a new one can follow only once it is closed",
                    command.servicePointId(), status);
        }
        requireWithinStandard(command.terms());
        requireKnownRuleSets(command.terms(), rules);
        if (!standings.servicePoint(command.servicePointId()).approved()) {
            throw RuleViolation.conflict("agreement.point-not-approved", "Service point " + command.servicePointId()
                    + " is not approved; §4.2.2 an agreement follows approval", command.servicePointId());
        }
        int contract = contractNumber + 1;
        apply(new AgreementDrafted(command.agreementId(), command.servicePointId(), contract, command.terms(),
                record(vault, RecordedParty.subjectOf(command.agreementId(), contract, Side.LIBRARY), command.library()),
                record(vault, RecordedParty.subjectOf(command.agreementId(), contract, Side.SERVICE_POINT),
                        command.servicePoint())));
    }

    /** The party as events carry it: the handler's phone, when given, protected under {@code subject}. */
    private static RecordedParty record(PersonalDataVault vault, String subject, Party party) {
        return new RecordedParty(party.name(), party.handler(),
                party.handlerPhone() == null ? null : vault.protect(subject, party.handlerPhone()));
    }

    /** A.6: erase a handler's phone on request; the key goes first, the event records it. */
    @CommandHandler
    void handle(EraseHandlerData command, PersonalDataVault vault) {
        if (erasedHandlerSubjects.contains(command.subjectId())) {
            return; // erased already: nothing new happened
        }
        if (!handlerSubjects.contains(command.subjectId())) {
            throw RuleViolation.unprocessable("agreement.handler-unknown", command.subjectId()
                    + " is not the phone of a handler of agreement " + agreementId, agreementId, command.subjectId());
        }
        vault.erase(command.subjectId());
        apply(new HandlerDataErased(agreementId, servicePointId, command.subjectId(), command.reason()));
    }

    @CommandHandler
    void handle(SignAgreement command, DeadlineManager deadlines) {
        requireStatus(AgreementStatus.DRAFTED, "agreement.not-awaiting-signature", "sign");
        LocalDate alreadySigned = command.side() == Side.LIBRARY ? librarySignedOn : servicePointSignedOn;
        if (alreadySigned != null) {
            throw RuleViolation.conflict("agreement.already-signed", command.side() + " signed already on "
                    + alreadySigned, command.side(), alreadySigned);
        }
        if (command.signedOn().isAfter(today())) {
            throw RuleViolation.unprocessable("agreement.signed-in-future", "A signature cannot be dated in the future ("
                    + command.signedOn() + ")", command.signedOn());
        }
        apply(new AgreementSigned(agreementId, servicePointId, command.side(), command.signatory(), command.signedOn()));
        LocalDate other = command.side() == Side.LIBRARY ? servicePointSignedOn : librarySignedOn;
        if (other != null) {
            LocalDate effectiveFrom = other.isAfter(command.signedOn()) ? other : command.signedOn();
            LocalDate until = endOfPeriod(effectiveFrom, terms.validityMonths());
            apply(new AgreementTookEffect(agreementId, servicePointId, contractNumber, effectiveFrom, until, terms));
            schedulePeriodEnd(deadlines);
        }
    }

    @CommandHandler
    void handle(AmendAgreement command, DeadlineManager deadlines, RuleSets rules) {
        requireStatus(AgreementStatus.IN_FORCE, "agreement.not-in-force", "amend");
        requireWithinStandard(command.terms());
        requireKnownRuleSets(command.terms(), rules);
        if (command.effectiveOn().isBefore(periodStart) || command.effectiveOn().isAfter(validUntil)) {
            throw RuleViolation.unprocessable("agreement.amendment-outside-validity", "An amendment must take effect "
                    + "within the current validity (" + periodStart + " to " + validUntil + ")", command.effectiveOn(),
                    periodStart, validUntil);
        }
        LocalDate until = command.terms().validityMonths() == terms.validityMonths() ? validUntil
                : endOfPeriod(periodStart, command.terms().validityMonths());
        if (until.isBefore(today())) {
            throw RuleViolation.unprocessable("agreement.amendment-ends-in-past", "With a validity of "
                    + command.terms().validityMonths() + " months the agreement would have ended on " + until,
                    command.terms().validityMonths(), until);
        }
        boolean moved = !until.equals(validUntil);
        apply(new AgreementAmended(agreementId, terms, command.terms(), command.effectiveOn(), command.reason(), until));
        if (moved) {
            schedulePeriodEnd(deadlines); // the old deadline stays, and is ignored as stale when it fires
        }
        if (command.effectiveOn().isAfter(today())) {
            deadlines.schedule(command.effectiveOn().atStartOfDay(LibraryTime.ZONE).toInstant(), AMENDMENT_DUE,
                    new AmendmentDue(agreementId, contractNumber, command.effectiveOn()));
        } else {
            takeEffect();
        }
    }

    /** A.5: the day of an agreed amendment has come. */
    @DeadlineHandler(deadlineName = AMENDMENT_DUE)
    void on(AmendmentDue due) {
        if (status != AgreementStatus.IN_FORCE || due.contractNumber() != contractNumber
                || !due.effectiveOn().equals(pendingFrom)) {
            return; // superseded by a later amendment, ended, or in effect already
        }
        takeEffect();
    }

    private void takeEffect() {
        apply(new AmendmentTookEffect(agreementId, servicePointId, terms, pendingTerms, pendingFrom));
    }

    @CommandHandler
    void handle(LodgeObjection command) {
        requireStatus(AgreementStatus.IN_FORCE, "agreement.not-in-force", "object to");
        if (objectionBy != null) {
            throw RuleViolation.conflict("agreement.objection-already-lodged", objectionBy
                    + " objected already; the agreement expires on " + validUntil, objectionBy, validUntil);
        }
        if (today().isAfter(validUntil)) {
            throw RuleViolation.conflict("agreement.objection-too-late", "A.4: an objection must come before the "
                    + "validity ends (" + validUntil + "); the agreement continues", validUntil);
        }
        apply(new ObjectionLodged(agreementId, command.side(), command.reason(), today(), validUntil));
    }

    /** A.4: at the end of the validity the agreement continues, unless a party objected: then it expires (A.3). */
    @DeadlineHandler(deadlineName = PERIOD_END)
    void on(AgreementPeriodEnds due, DeadlineManager deadlines, ReturnDeadlines returns) {
        if (status != AgreementStatus.IN_FORCE || due.contractNumber() != contractNumber
                || !due.validUntil().equals(validUntil)) {
            return; // stale (amended, ended) or handled already: nothing happens twice
        }
        if (objectionBy != null) {
            end(TerminationReason.EXPIRED_AFTER_OBJECTION, objectionReason, validUntil, returns, deadlines);
        } else {
            LocalDate start = validUntil.plusDays(1);
            apply(new AgreementContinued(agreementId, servicePointId, start, endOfPeriod(start, terms.validityMonths())));
            schedulePeriodEnd(deadlines);
        }
    }

    @CommandHandler
    void handle(TerminateAgreement command, DeadlineManager deadlines, ReturnDeadlines returns) {
        requireStatus(AgreementStatus.IN_FORCE, "agreement.not-in-force", "terminate");
        if (command.reason() == TerminationReason.EXPIRED_AFTER_OBJECTION) {
            throw RuleViolation.unprocessable("agreement.expiry-is-automatic", "Expiry after an objection happens "
                    + "by itself at the end of the validity; terminate early by MUTUAL_AGREEMENT or REVOCATION");
        }
        end(command.reason(), command.explanation(), today(), returns, deadlines);
    }

    /** A.3: when the return period is over, the case is overdue if books are still out, else settled. */
    @DeadlineHandler(deadlineName = RETURN_DEADLINE)
    void on(ReturnDeadlineReached due, Standings standings) {
        if (status != AgreementStatus.RETURN_PERIOD || due.contractNumber() != contractNumber) {
            return; // closed in time, or handled already
        }
        int outstanding = standings.card(servicePointId).reserved();
        if (outstanding > 0) {
            apply(new ReturnPeriodOverdue(agreementId, servicePointId, returnDeadline, outstanding));
        } else {
            apply(new AgreementClosed(agreementId, servicePointId, returnDeadline));
        }
    }

    @CommandHandler
    void handle(ConfirmAllBooksReturned command, Standings standings) {
        if (status != AgreementStatus.RETURN_PERIOD && status != AgreementStatus.RETURN_OVERDUE) {
            throw RuleViolation.conflict("agreement.not-ended", "Agreement " + agreementId + " is " + status
                    + "; only an ended agreement is closed by the return of its books", agreementId, status);
        }
        int outstanding = standings.card(servicePointId).reserved();
        if (outstanding > 0) {
            throw RuleViolation.conflict("agreement.books-outstanding", outstanding + " books are still out on the "
                    + "card of " + servicePointId, outstanding);
        }
        apply(new AgreementClosed(agreementId, servicePointId, today()));
    }

    AgreementStanding standing() {
        return new AgreementStanding(agreementId, status, terms, validUntil);
    }

    private void end(TerminationReason reason, String explanation, LocalDate terminatedOn, ReturnDeadlines returns,
                     DeadlineManager deadlines) {
        LocalDate deadline = returns.after(terminatedOn);
        apply(new AgreementTerminated(agreementId, servicePointId, reason, explanation, terminatedOn, deadline));
        deadlines.schedule(endOfDay(deadline), RETURN_DEADLINE,
                new ReturnDeadlineReached(agreementId, contractNumber, deadline));
    }

    private void schedulePeriodEnd(DeadlineManager deadlines) {
        deadlines.schedule(endOfDay(validUntil), PERIOD_END, new AgreementPeriodEnds(agreementId, contractNumber,
                validUntil));
    }

    private void requireStatus(AgreementStatus required, String code, String action) {
        if (status != required) {
            throw RuleViolation.conflict(code, "Agreement " + agreementId + " is " + status + "; cannot " + action,
                    agreementId, status);
        }
    }

    private static void requireWithinStandard(AgreementTerms terms) {
        if (terms.maxItemsOut() > AgreementTerms.STANDARD_MAX_ITEMS_OUT) {
            throw RuleViolation.unprocessable("agreement.max-items-above-standard", "A.1.2 allows at most "
                    + AgreementTerms.STANDARD_MAX_ITEMS_OUT + " books out at once, not " + terms.maxItemsOut(),
                    terms.maxItemsOut(), AgreementTerms.STANDARD_MAX_ITEMS_OUT);
        }
    }

    /**
     * The last day of a validity of {@code months} starting on {@code start}: the day before the same day of the
     * month {@code months} later. When that month is shorter (a start on the 29th–31st), the period runs to its
     * last day: 2024-02-29 + 24 months ends 2026-02-28, 2025-01-31 + 1 month ends 2025-02-28.
     */
    static LocalDate endOfPeriod(LocalDate start, int months) {
        LocalDate sameDayLater = start.plusMonths(months);
        if (sameDayLater.getDayOfMonth() < start.getDayOfMonth()) {
            return sameDayLater; // clamped to the month's last day: that day is still inside the period
        }
        return sameDayLater.minusDays(1);
    }

    /** The instant a day (in Foshan) is over. */
    static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(LibraryTime.ZONE).toInstant();
    }

    /** A.2.4, A.2.5: the fine and compensation rule sets named must exist (they are versioned and immutable). */
    private static void requireKnownRuleSets(AgreementTerms terms, RuleSets rules) {
        try {
            rules.fines(terms.fineRules());
            rules.compensation(terms.compensationRules());
        } catch (UnknownRuleSetException unknown) {
            throw RuleViolation.unprocessable("agreement.rule-set-unknown", unknown.getMessage(),
                    terms.fineRules().id() + " v" + terms.fineRules().version() + ", "
                            + terms.compensationRules().id() + " v" + terms.compensationRules().version());
        }
    }

    private static LocalDate today() {
        return LibraryTime.today(GenericEventMessage.clock);
    }

    @EventSourcingHandler
    void on(HandlerDataErased event) {
        erasedHandlerSubjects.add(event.subjectId());
    }

    @EventSourcingHandler
    void on(AgreementDrafted event) {
        agreementId = event.agreementId();
        servicePointId = event.servicePointId();
        contractNumber = event.contractNumber();
        status = AgreementStatus.DRAFTED;
        for (RecordedParty party : new RecordedParty[] {event.library(), event.servicePoint()}) {
            if (party.handlerPhone() != null) {
                handlerSubjects.add(party.handlerPhone().subjectId());
            }
        }
        terms = event.terms();
        librarySignedOn = null;
        servicePointSignedOn = null;
        periodStart = null;
        validUntil = null;
        objectionBy = null;
        objectionReason = null;
        returnDeadline = null;
        pendingTerms = null;
        pendingFrom = null;
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        if (event.side() == Side.LIBRARY) {
            librarySignedOn = event.signedOn();
        } else {
            servicePointSignedOn = event.signedOn();
        }
    }

    @EventSourcingHandler
    void on(AgreementTookEffect event) {
        status = AgreementStatus.IN_FORCE;
        periodStart = event.effectiveFrom();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(AgreementAmended event) {
        pendingTerms = event.terms();
        pendingFrom = event.effectiveOn();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(AmendmentTookEffect event) {
        terms = event.terms();
        pendingTerms = null;
        pendingFrom = null;
    }

    @EventSourcingHandler
    void on(ObjectionLodged event) {
        objectionBy = event.side();
        objectionReason = event.reason();
    }

    @EventSourcingHandler
    void on(AgreementContinued event) {
        periodStart = event.periodStart();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        status = AgreementStatus.RETURN_PERIOD;
        returnDeadline = event.returnDeadline();
    }

    @EventSourcingHandler
    void on(ReturnPeriodOverdue event) {
        status = AgreementStatus.RETURN_OVERDUE;
    }

    @EventSourcingHandler
    void on(AgreementClosed event) {
        status = AgreementStatus.CLOSED;
    }
}
