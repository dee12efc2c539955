package io.lendpoint.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A.3: the agreement ended; {@code terminatedOn} was its last day in force (the end of the validity for an expiry
 * after objection, the day of an early termination), and every outstanding book is due back by
 * {@code returnDeadline}: 30 working days after it, on the PRC calendar.
 */
@Revision("1")
public record AgreementTerminated(String agreementId, String servicePointId, TerminationReason reason, String explanation, LocalDate terminatedOn, LocalDate returnDeadline) {
}
