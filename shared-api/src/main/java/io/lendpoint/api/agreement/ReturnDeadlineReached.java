package io.lendpoint.api.agreement;

import java.time.LocalDate;

/** A.3: deadline payload, due when the 30-working-day return period ending on {@code returnDeadline} is over. */
public record ReturnDeadlineReached(String agreementId, int contractNumber, LocalDate returnDeadline) {
}
