package io.lendpoint.api.agreement;

import java.time.LocalDate;

/**
 * Read side, A.5: the terms of the point's agreement in force on {@code date} (today when null), taking
 * amendments and earlier contracts into account. Answers {@code Optional<AgreementTerms>}: empty when no
 * agreement of the point was in force that day.
 */
public record AgreementTermsOnDateQuery(String servicePointId, LocalDate date) {
}
