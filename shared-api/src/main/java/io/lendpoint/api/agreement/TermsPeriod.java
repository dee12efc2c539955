package io.lendpoint.api.agreement;

import java.time.LocalDate;

/** A.5: from {@code effectiveFrom} on, contract {@code contractNumber} runs under {@code terms} (until the next entry). */
public record TermsPeriod(int contractNumber, LocalDate effectiveFrom, AgreementTerms terms) {
}
