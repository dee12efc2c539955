package io.lendpoint.api.agreement;

/** Read side: the agreement of one service point (its current contract), with history. Answers {@code Optional<AgreementDetail>}. */
public record AgreementDetailQuery(String servicePointId) {
}
