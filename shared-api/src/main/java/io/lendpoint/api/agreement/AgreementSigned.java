package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** §4.2.2, A.2.2: one party signed. */
@Revision("1")
public record AgreementSigned(String agreementId, Side side, String signatory, LocalDate signedOn) {
}
