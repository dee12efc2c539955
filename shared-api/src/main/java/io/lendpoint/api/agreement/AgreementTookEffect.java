package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §4.2.2, A.4: both parties signed; in force from the later signature until {@code validUntil} (inclusive). */
@Revision("1")
public record AgreementTookEffect(String agreementId, String servicePointId, int contractNumber, LocalDate effectiveFrom, LocalDate validUntil, AgreementTerms terms) {
}
