package io.lendpoint.api.card;

/**
 * A service point has one collective-card aggregate (issued, replaced, cancelled and re-issued over the years):
 * its id is derived from the point's, so "one active card per point" is guarded by the aggregate itself.
 */
public final class CardIds {

    private static final String PREFIX = "card-";

    private CardIds() {
    }

    public static String forServicePoint(String servicePointId) {
        return PREFIX + servicePointId;
    }

    public static String servicePointOf(String cardId) {
        if (!cardId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a card id: " + cardId);
        }
        return cardId.substring(PREFIX.length());
    }
}
