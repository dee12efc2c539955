package io.lendpoint.api.agreement;

import java.time.LocalDate;

/** The answer to {@link AgreementStandingQuery}; {@code status} null when the point has no agreement. */
public record AgreementStanding(String agreementId, AgreementStatus status, AgreementTerms terms,
                                LocalDate validUntil) {

    public boolean inForce() {
        return status == AgreementStatus.IN_FORCE;
    }
}
