package io.lendpoint.api.agreement;

import java.time.LocalDate;

/**
 * A.4: deadline payload, due when the validity ending on {@code validUntil} is over. A stale one (the agreement
 * was amended, continued or ended since it was scheduled) is recognised by its fields and ignored, so a
 * deadline that fires twice changes nothing the second time.
 */
public record AgreementPeriodEnds(String agreementId, int contractNumber, LocalDate validUntil) {
}
