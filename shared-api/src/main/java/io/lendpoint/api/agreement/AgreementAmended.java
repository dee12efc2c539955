package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.5: terms changed from {@code effectiveOn}; {@code previous} were the terms in force before. */
@Revision("1")
public record AgreementAmended(String agreementId, AgreementTerms previous, AgreementTerms terms, LocalDate effectiveOn, String reason, LocalDate validUntil) {
}
