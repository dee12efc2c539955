package io.lendpoint.query.agreement;

import io.lendpoint.api.agreement.AgreementAmended;
import io.lendpoint.api.agreement.AmendmentTookEffect;
import io.lendpoint.api.agreement.AgreementClosed;
import io.lendpoint.api.agreement.AgreementContinued;
import io.lendpoint.api.agreement.AgreementDrafted;
import io.lendpoint.api.agreement.HandlerDataErased;
import io.lendpoint.api.agreement.AgreementHistoryEntry;
import io.lendpoint.api.agreement.AgreementObjection;
import io.lendpoint.api.agreement.AgreementSignature;
import io.lendpoint.api.agreement.AgreementSigned;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.agreement.AgreementTerminated;
import io.lendpoint.api.agreement.AgreementTermination;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AgreementTookEffect;
import io.lendpoint.api.agreement.ObjectionLodged;
import io.lendpoint.api.agreement.ReturnPeriodOverdue;
import io.lendpoint.api.agreement.TermsPeriod;
import io.lendpoint.api.audit.AuditMetadata;
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
 * Projects agreement events into {@code agreements}: one document per point's agreement aggregate, every
 * update by exactly {@code _id}, each event applied at most once (see {@link AgreementDocument#lastSequence}).
 * A later {@link AgreementDrafted} starts the point's next contract: signatures, objection and termination
 * start afresh, the terms timeline and history go on.
 */
@Component
@ProcessingGroup(AgreementProjection.PROCESSING_GROUP)
class AgreementProjection {

    static final String PROCESSING_GROUP = "agreements";

    private final MongoTemplate mongo;

    AgreementProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** §4.2.2: contract 1 creates the document; a later contract resets the current-contract fields. */
    @EventHandler
    void on(AgreementDrafted event, DomainEventMessage<AgreementDrafted> message) {
        AgreementDocument agreement = mongo.findById(event.agreementId(), AgreementDocument.class);
        if (agreement == null) {
            agreement = new AgreementDocument();
            agreement.id = event.agreementId();
            agreement.servicePointId = event.servicePointId();
            agreement.lastSequence = -1;
        } else if (message.getSequenceNumber() <= agreement.lastSequence) {
            return; // redelivered
        }
        agreement.contractNumber = event.contractNumber();
        agreement.library = event.library();
        agreement.servicePoint = event.servicePoint();
        agreement.terms = event.terms();
        agreement.signatures = new ArrayList<>();
        agreement.effectiveFrom = null;
        agreement.validUntil = null;
        agreement.objection = null;
        agreement.termination = null;
        agreement.closedOn = null;
        record(agreement, message, AgreementStatus.DRAFTED, "contract " + event.contractNumber() + " drafted: "
                + describe(event.terms()));
        mongo.save(agreement);
    }

    @EventHandler
    void on(AgreementSigned event, DomainEventMessage<AgreementSigned> message) {
        update(event.agreementId(), message, agreement -> {
            agreement.signatures.removeIf(signature -> signature.side() == event.side());
            agreement.signatures.add(new AgreementSignature(event.side(), event.signatory(), event.signedOn()));
            record(agreement, message, agreement.status, event.side() + " signed by " + event.signatory() + " on "
                    + event.signedOn());
        });
    }

    @EventHandler
    void on(AgreementTookEffect event, DomainEventMessage<AgreementTookEffect> message) {
        update(event.agreementId(), message, agreement -> {
            agreement.contractNumber = event.contractNumber();
            agreement.terms = event.terms();
            agreement.pendingFrom = null; // an earlier contract's amendment that never came to apply stays its own
            agreement.effectiveFrom = event.effectiveFrom();
            agreement.validUntil = event.validUntil();
            agreement.termsTimeline.add(new TermsPeriod(event.contractNumber(), event.effectiveFrom(), event.terms()));
            agreement.replaceCurrentPeriod(new AgreementDocument.ContractPeriod(event.contractNumber(),
                    event.effectiveFrom(), event.validUntil(), null));
            record(agreement, message, AgreementStatus.IN_FORCE, "contract " + event.contractNumber()
                    + " in force from " + event.effectiveFrom() + " until " + event.validUntil());
        });
    }

    /**
     * A.5: the new terms apply from {@code effectiveOn}; the terms before stay on the timeline. An amendment still
     * pending (its day not come) is replaced by this one, as in the aggregate: it leaves the timeline, and the
     * history says so.
     */
    @EventHandler
    void on(AgreementAmended event, DomainEventMessage<AgreementAmended> message) {
        update(event.agreementId(), message, agreement -> {
            String replaced = "";
            if (agreement.pendingFrom != null) {
                replaced = "; replaces the amendment that was to apply from " + agreement.pendingFrom;
                agreement.dropPendingAmendment();
            }
            agreement.terms = event.terms();
            agreement.termsTimeline.add(new TermsPeriod(agreement.contractNumber, event.effectiveOn(), event.terms()));
            agreement.pendingFrom = event.effectiveOn();
            if (event.validUntil() != null) {
                agreement.validUntil = event.validUntil();
                extendCurrentPeriod(agreement);
            }
            record(agreement, message, agreement.status, "terms amended from " + event.effectiveOn() + " ("
                    + describe(event.terms()) + "): " + event.reason() + replaced);
        });
    }

    /** A.5: the amended terms apply from today: the amendment is no longer pending, so no later one replaces it. */
    @EventHandler
    void on(AmendmentTookEffect event, DomainEventMessage<AmendmentTookEffect> message) {
        update(event.agreementId(), message, agreement -> agreement.pendingFrom = null);
    }

    /** A.6: a handler's phone was erased; the detail shows it as erased from now on (read through the vault). */
    @EventHandler
    void on(HandlerDataErased event, DomainEventMessage<HandlerDataErased> message) {
        update(event.agreementId(), message, agreement -> record(agreement, message, agreement.status,
                "A.6 " + event.subjectId() + ": " + event.reason()));
    }

    @EventHandler
    void on(ObjectionLodged event, DomainEventMessage<ObjectionLodged> message) {
        update(event.agreementId(), message, agreement -> {
            agreement.objection = new AgreementObjection(event.side(), event.reason(), event.lodgedOn());
            if (event.validUntil() != null) {
                agreement.validUntil = event.validUntil();
            }
            record(agreement, message, agreement.status, event.side() + " objected on " + event.lodgedOn()
                    + " to continuing; expires after " + event.validUntil() + ": " + event.reason());
        });
    }

    /** A.4: no objection, so the same contract runs another period. */
    @EventHandler
    void on(AgreementContinued event, DomainEventMessage<AgreementContinued> message) {
        update(event.agreementId(), message, agreement -> {
            agreement.validUntil = event.validUntil();
            extendCurrentPeriod(agreement);
            record(agreement, message, AgreementStatus.IN_FORCE, "continued from " + event.periodStart() + " until "
                    + event.validUntil());
        });
    }

    /** A.3: ended; books are due back by the deadline. terminatedOn was the contract's last day in force. */
    @EventHandler
    void on(AgreementTerminated event, DomainEventMessage<AgreementTerminated> message) {
        update(event.agreementId(), message, agreement -> {
            agreement.termination = new AgreementTermination(event.reason(), event.explanation(),
                    event.terminatedOn(), event.returnDeadline(), null);
            agreement.currentPeriod().ifPresent(period -> agreement.replaceCurrentPeriod(
                    new AgreementDocument.ContractPeriod(period.contractNumber(), period.effectiveFrom(),
                            period.validUntil(), event.terminatedOn().plusDays(1))));
            record(agreement, message, AgreementStatus.RETURN_PERIOD, "terminated on " + event.terminatedOn() + " ("
                    + event.reason() + "): " + event.explanation() + "; books due back by " + event.returnDeadline());
        });
    }

    @EventHandler
    void on(ReturnPeriodOverdue event, DomainEventMessage<ReturnPeriodOverdue> message) {
        update(event.agreementId(), message, agreement -> {
            AgreementTermination ended = agreement.termination;
            agreement.termination = ended == null
                    ? new AgreementTermination(null, null, null, event.returnDeadline(), event.itemsOutstanding())
                    : new AgreementTermination(ended.reason(), ended.explanation(), ended.terminatedOn(),
                            event.returnDeadline(), event.itemsOutstanding());
            record(agreement, message, AgreementStatus.RETURN_OVERDUE, "return deadline " + event.returnDeadline()
                    + " passed with " + event.itemsOutstanding() + " books out");
        });
    }

    @EventHandler
    void on(AgreementClosed event, DomainEventMessage<AgreementClosed> message) {
        update(event.agreementId(), message, agreement -> {
            agreement.closedOn = event.closedOn();
            record(agreement, message, AgreementStatus.CLOSED, "closed on " + event.closedOn()
                    + ": every book returned");
        });
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(AgreementDocument.class);
    }

    private void update(String agreementId, DomainEventMessage<?> message, Consumer<AgreementDocument> change) {
        IdempotentUpdates.apply(mongo, AgreementDocument.class, agreementId, message, change);
    }

    private static void extendCurrentPeriod(AgreementDocument agreement) {
        agreement.currentPeriod().ifPresent(period -> agreement.replaceCurrentPeriod(
                new AgreementDocument.ContractPeriod(period.contractNumber(), period.effectiveFrom(),
                        agreement.validUntil, period.endedOn())));
    }

    private static String describe(AgreementTerms terms) {
        return "at most " + terms.maxItemsOut() + " books out, loan term " + terms.loanTermMonths()
                + " months, valid " + terms.validityMonths() + " months, fines " + terms.fineRules().id() + " v"
                + terms.fineRules().version() + ", compensation " + terms.compensationRules().id() + " v"
                + terms.compensationRules().version();
    }

    private static void record(AgreementDocument agreement, DomainEventMessage<?> message, AgreementStatus status,
                               String summary) {
        agreement.status = status;
        agreement.lastSequence = message.getSequenceNumber();
        agreement.updatedAt = message.getTimestamp();
        agreement.history.add(new AgreementHistoryEntry(message.getSequenceNumber(),
                message.getPayloadType().getSimpleName(), agreement.contractNumber, status, message.getTimestamp(),
                metaData(message, AuditMetadata.USER), metaData(message, AuditMetadata.ROLE), summary));
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
