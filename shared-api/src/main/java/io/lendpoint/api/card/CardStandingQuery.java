package io.lendpoint.api.card;

/** Command-side question, answered from the card aggregate itself: where does this point's card stand? */
public record CardStandingQuery(String servicePointId) {
}
