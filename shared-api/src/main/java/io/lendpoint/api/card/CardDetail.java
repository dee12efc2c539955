package io.lendpoint.api.card;

import io.lendpoint.api.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * §4.2.3, A.1.2, A.6: one point's collective card. {@code free} = {@code itemLimit} − {@code reserved}. The
 * holder's name, ID number and phone are masked ({@link io.lendpoint.api.personaldata.Masking}); once the
 * holder's data was erased they read {@link #ERASED} and {@code holderErased} is true. {@code version} is the
 * sequence number of the last event applied.
 */
public record CardDetail(String cardId, String servicePointId, String cardNumber, CardStatus status, int itemLimit,
                         int reserved, int free, List<CardReservation> reservations, String holderName,
                         String holderIdNumber, String holderPhone, boolean holderErased,
                         List<CardHistoryEntry> history, Instant issuedAt, Instant updatedAt, long version) implements Versioned {

    /** Shown instead of a holder field whose data was erased. */
    public static final String ERASED = io.lendpoint.api.personaldata.Masking.ERASED;
}
