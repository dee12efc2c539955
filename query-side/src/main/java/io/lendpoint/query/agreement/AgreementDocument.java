package io.lendpoint.query.agreement;

import io.lendpoint.api.agreement.AgreementDetail;
import io.lendpoint.api.agreement.AgreementHistoryEntry;
import io.lendpoint.api.agreement.AgreementObjection;
import io.lendpoint.api.agreement.AgreementSignature;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.agreement.AgreementTermination;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.Party;
import io.lendpoint.api.agreement.RecordedParty;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.api.agreement.TermsPeriod;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agreement of one service point in collection {@code agreements}, keyed by the agreement id
 * ({@code agreement-<servicePointId>}). The agreement aggregate holds the point's successive contracts: the
 * fields describe the current one ({@code contractNumber}); {@code termsTimeline} and {@code contracts} keep
 * every contract, so the terms in force on any date can be answered. {@code lastSequence} is the sequence
 * number of the last event applied: a redelivered or replayed event at or below it is skipped.
 */
@Document(AgreementDocument.COLLECTION)
class AgreementDocument implements SequencedDocument {

    static final String COLLECTION = "agreements";

    @Id
    String id;
    String servicePointId;
    long lastSequence;
    int contractNumber;
    @Indexed
    AgreementStatus status;
    /** A.6: the handlers' phones as the events carry them, protected; revealed only when a detail is read. */
    RecordedParty library;
    RecordedParty servicePoint;
    /** The latest terms agreed for the current contract (drafted, took effect, or amended). */
    AgreementTerms terms;
    List<AgreementSignature> signatures = new ArrayList<>();
    LocalDate effectiveFrom;
    LocalDate validUntil;
    AgreementObjection objection;
    AgreementTermination termination;
    LocalDate closedOn;
    /** A.5: every terms change of every contract that took or is to take effect, in event order. */
    List<TermsPeriod> termsTimeline = new ArrayList<>();
    /**
     * A.5: the day an agreed amendment is to take effect while it has not yet (null when none is pending); a later
     * amendment replaces it, as the aggregate does, and it leaves the timeline. Null on documents projected before
     * this was kept: a replay of {@code agreements} fills it.
     */
    LocalDate pendingFrom;
    /** When each contract that took effect was in force: from, until (inclusive), ended (exclusive). */
    List<ContractPeriod> contracts = new ArrayList<>();
    List<AgreementHistoryEntry> history = new ArrayList<>();
    Instant updatedAt;

    /**
     * The days in force of one contract: {@code effectiveFrom} up to {@code validUntil} inclusive, and before
     * {@code endedOn} when it was terminated (the termination date itself no longer counts).
     */
    record ContractPeriod(int contractNumber, LocalDate effectiveFrom, LocalDate validUntil, LocalDate endedOn) {

        boolean covers(LocalDate date) {
            return !date.isBefore(effectiveFrom) && !date.isAfter(validUntil)
                    && (endedOn == null || date.isBefore(endedOn));
        }
    }

    /** A.5: the terms in force on {@code date}, or empty when no contract of the point was in force that day. */
    Optional<AgreementTerms> termsOn(LocalDate date) {
        Optional<ContractPeriod> contract = contracts.stream().filter(period -> period.covers(date))
                .max(Comparator.comparingInt(ContractPeriod::contractNumber));
        if (contract.isEmpty()) {
            return Optional.empty();
        }
        int number = contract.get().contractNumber();
        TermsPeriod found = null;
        for (TermsPeriod period : termsTimeline) { // later entries win over earlier ones on the same date
            if (period.contractNumber() == number && !period.effectiveFrom().isAfter(date)
                    && (found == null || !period.effectiveFrom().isBefore(found.effectiveFrom()))) {
                found = period;
            }
        }
        return Optional.ofNullable(found).map(TermsPeriod::terms);
    }

    /** A.5: takes the amendment still pending off the timeline: a later one replaced it before it took effect. */
    void dropPendingAmendment() {
        for (int i = termsTimeline.size() - 1; i >= 0; i--) {
            TermsPeriod period = termsTimeline.get(i);
            if (period.contractNumber() == contractNumber && period.effectiveFrom().equals(pendingFrom)) {
                termsTimeline.remove(i);
                break;
            }
        }
        pendingFrom = null;
    }

    void replaceCurrentPeriod(ContractPeriod period) {
        contracts.removeIf(existing -> existing.contractNumber() == period.contractNumber());
        contracts.add(period);
    }

    Optional<ContractPeriod> currentPeriod() {
        return contracts.stream().filter(period -> period.contractNumber() == contractNumber).findFirst();
    }

    /** Days from {@code today} to the end of the validity (negative once passed); null before it took effect. */
    Long daysToExpiry(LocalDate today) {
        return validUntil == null ? null : ChronoUnit.DAYS.between(today, validUntil);
    }

    /** The detail, the handlers' phones revealed by {@code reveal} (their plaintext, or that they were erased). */
    AgreementDetail toDetail(LocalDate today, Function<ProtectedValue, String> reveal) {
        return new AgreementDetail(id, servicePointId, contractNumber, status, shown(library, reveal),
                shown(servicePoint, reveal), terms,
                List.copyOf(signatures), effectiveFrom, validUntil,
                status == AgreementStatus.IN_FORCE ? daysToExpiry(today) : null, termsOn(today).orElse(null),
                List.copyOf(termsTimeline), objection, termination, closedOn, List.copyOf(history), updatedAt,
                lastSequence);
    }

    private static Party shown(RecordedParty party, Function<ProtectedValue, String> reveal) {
        return party == null ? null : new Party(party.name(), party.handler(), reveal.apply(party.handlerPhone()));
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
