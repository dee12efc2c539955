package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.4: no objection at the end of the validity; the agreement continues for another period of the same length. */
@Revision("1")
public record AgreementContinued(String agreementId, String servicePointId, LocalDate periodStart, LocalDate validUntil) {
}
