package io.lendpoint.api.card;

/** Read side, §4.2.3: the collective card of one service point. Answers {@code Optional<CardDetail>}. */
public record CardDetailQuery(String servicePointId) {
}
