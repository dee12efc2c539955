package io.lendpoint.query.card;

import io.lendpoint.api.card.CardDetail;
import io.lendpoint.api.card.CardDetailQuery;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.personaldata.Masking;
import io.lendpoint.api.personaldata.ProtectedValue;
import io.lendpoint.platform.personaldata.PersonalDataVault;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers card queries from the {@code collective_cards} projection. A.6: the holder's data is decrypted here,
 * in memory, only to be masked at once; plaintext is never stored nor returned. A value whose key was erased
 * reads {@link CardDetail#ERASED}.
 */
@Component
class CardQueries {

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;

    /** The vault is looked up on first use ({@code @Lazy}), so this side starts even where none is configured yet. */
    CardQueries(MongoTemplate mongo, @Lazy PersonalDataVault vault) {
        this.mongo = mongo;
        this.vault = vault;
    }

    @QueryHandler
    Optional<CardDetail> handle(CardDetailQuery query) {
        return Optional.ofNullable(mongo.findById(CardIds.forServicePoint(query.servicePointId()), CardDocument.class))
                .map(this::toDetail);
    }

    private CardDetail toDetail(CardDocument card) {
        boolean erased = card.holderErased;
        String name = null;
        String idNumber = null;
        String phone = null;
        if (!erased) {
            Optional<String> plainName = reveal(card.holderName);
            Optional<String> plainIdNumber = reveal(card.holderIdNumber);
            Optional<String> plainPhone = reveal(card.holderPhone);
            erased = plainName.isEmpty() || plainIdNumber.isEmpty() || plainPhone.isEmpty();
            name = masked(plainName, Masking::maskName);
            idNumber = masked(plainIdNumber, Masking::maskIdNumber);
            phone = masked(plainPhone, Masking::maskPhone);
        }
        if (erased) {
            name = CardDetail.ERASED;
            idNumber = CardDetail.ERASED;
            phone = CardDetail.ERASED;
        }
        return new CardDetail(card.id, card.servicePointId, card.cardNumber, card.status, card.itemLimit,
                card.reserved, card.free(), List.copyOf(card.reservations), name, idNumber, phone, erased,
                List.copyOf(card.history), card.issuedAt, card.updatedAt, card.lastSequence);
    }

    private Optional<String> reveal(ProtectedValue value) {
        return value == null ? Optional.empty() : vault.reveal(value);
    }

    private static String masked(Optional<String> plaintext, Function<String, String> mask) {
        return plaintext.map(mask).orElse(null);
    }
}
