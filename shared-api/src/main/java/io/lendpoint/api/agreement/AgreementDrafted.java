package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

/**
 * §4.2.2: the agreement (contract number {@code contractNumber} of this point) was drafted. Revision 2: the
 * handlers' phones are protected (A.6); revision-1 payloads carried them in plaintext and are upcast
 * ({@code HandlerPhoneUpcaster}).
 */
@Revision("2")
public record AgreementDrafted(String agreementId, String servicePointId, int contractNumber, AgreementTerms terms, RecordedParty library, RecordedParty servicePoint) {
}
