package io.lendpoint.api.agreement;

import java.time.LocalDate;

/** §4.2.2, A.2.2: one party's signature on the current contract. */
public record AgreementSignature(Side side, String signatory, LocalDate signedOn) {
}
