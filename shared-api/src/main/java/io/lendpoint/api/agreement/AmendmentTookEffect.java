package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A.5: amended terms are in force from {@code effectiveOn} (recorded on that day, or at once when the amendment
 * was agreed on or after it); {@code previous} were in force until then.
 */
@Revision("1")
public record AmendmentTookEffect(String agreementId, String servicePointId, AgreementTerms previous,
                                  AgreementTerms terms, LocalDate effectiveOn) {
}
