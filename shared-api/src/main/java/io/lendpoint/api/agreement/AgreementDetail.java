package io.lendpoint.api.agreement;

import io.lendpoint.api.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The agreement of one service point as the read side knows it: the current contract ({@code contractNumber})
 * with its parties, signatures, validity, objection and termination; {@code terms} are the latest terms agreed
 * for it (drafted, or amended), {@code termsInForce} those in force today (null when none is);
 * {@code daysToExpiry} is the number of days from today (Asia/Shanghai) to {@code validUntil}, null unless the
 * agreement is in force. {@code termsTimeline} covers every contract of the point, {@code history} every
 * event. {@code version} is the sequence number of the last event applied.
 */
public record AgreementDetail(String agreementId, String servicePointId, int contractNumber, AgreementStatus status,
                              Party library, Party servicePoint, AgreementTerms terms,
                              List<AgreementSignature> signatures, LocalDate effectiveFrom, LocalDate validUntil,
                              Long daysToExpiry, AgreementTerms termsInForce, List<TermsPeriod> termsTimeline,
                              AgreementObjection objection, AgreementTermination termination, LocalDate closedOn,
                              List<AgreementHistoryEntry> history, Instant updatedAt, long version) implements Versioned {
}
