package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * §4.2.2, A.2.2: one party signed. Revision 2 carries the service point, as every event about a point does, so
 * that auditors and analysts can find all of a point's events by the point alone; revision 1 payloads are
 * upcast (the point follows from the agreement id, see {@code AgreementSignedUpcaster}).
 */
@Revision("2")
public record AgreementSigned(String agreementId, String servicePointId, Side side, String signatory,
                              LocalDate signedOn) {
}
