package io.lendpoint.api.agreement;

/**
 * Command-side question, answered from the agreement aggregate itself (strongly consistent): where does the
 * agreement of this point stand? Used by other features' rules (a card only under an agreement in force).
 */
public record AgreementStandingQuery(String servicePointId) {
}
