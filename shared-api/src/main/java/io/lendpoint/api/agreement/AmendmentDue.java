package io.lendpoint.api.agreement;

import java.time.LocalDate;

/** A.5: deadline payload, due on the day an agreed amendment takes effect; stale once superseded or ended. */
public record AmendmentDue(String agreementId, int contractNumber, LocalDate effectiveOn) {
}
