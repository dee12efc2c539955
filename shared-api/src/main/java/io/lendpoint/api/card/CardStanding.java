package io.lendpoint.api.card;

/** The answer to {@link CardStandingQuery}; {@code status} null when the point never had a card. */
public record CardStanding(String cardId, CardStatus status, int itemLimit, int reserved) {

    public boolean active() {
        return status == CardStatus.ACTIVE;
    }
}
