package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

/** §4.2.2: the agreement (contract number {@code contractNumber} of this point) was drafted. */
@Revision("1")
public record AgreementDrafted(String agreementId, String servicePointId, int contractNumber, AgreementTerms terms, Party library, Party servicePoint) {
}
