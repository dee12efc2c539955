package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A.3: the agreement ended; every outstanding book is due back by {@code returnDeadline} (30 working days, PRC calendar). */
@Revision("1")
public record AgreementTerminated(String agreementId, String servicePointId, TerminationReason reason, String explanation, LocalDate terminatedOn, LocalDate returnDeadline) {
}
