package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.3: every book is back; the ended agreement is settled. */
@Revision("1")
public record AgreementClosed(String agreementId, String servicePointId, LocalDate closedOn) {
}
