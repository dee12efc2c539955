package io.lendpoint.query.card;

import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.api.card.CardCancelled;
import io.lendpoint.api.card.CardDetail;
import io.lendpoint.api.card.CardDetailQuery;
import io.lendpoint.api.card.CardHolderDataErased;
import io.lendpoint.api.card.CardHolderRevealed;
import io.lendpoint.api.card.CardIds;
import io.lendpoint.api.card.CardLimitChanged;
import io.lendpoint.api.card.CardReinstated;
import io.lendpoint.api.card.CardReplaced;
import io.lendpoint.api.card.CardReportedLost;
import io.lendpoint.api.card.CardReservation;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.card.CardSuspended;
import io.lendpoint.api.card.CollectiveCardIssued;
import io.lendpoint.api.card.ItemsReleased;
import io.lendpoint.api.card.ItemsReserved;
import io.lendpoint.platform.personaldata.FakeVault;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProjectionFixture;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The collective-card projection and its query against a MongoDB-wire server, the way the processor drives them. */
class CardProjectionTest {

    private static final MetaData STAFF = MetaData.from(Map.of(AuditMetadata.USER, "staff",
            AuditMetadata.ROLE, "LIBRARY_STAFF"));
    private static final MetaData ADMIN = MetaData.from(Map.of(AuditMetadata.USER, "admin",
            AuditMetadata.ROLE, "LIBRARY_ADMIN"));
    private static final String NAME = "李小明";
    private static final String ID_NUMBER = "440106199001011234";
    private static final String PHONE = "13800138000";

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;
    private CardProjection projection;
    private FakeVault vault;
    private CardQueries queries;
    private ProjectionFixture events;

    @BeforeEach
    void start() {
        mongo = store.template("projection-test");
        projection = new CardProjection(mongo);
        events = new ProjectionFixture(projection, "CollectiveCard");
        vault = new FakeVault();
        queries = new CardQueries(mongo, vault);
    }

    @Test
    @DisplayName("§4.2.3, A.6 an issued card shows number, limit and the holder masked")
    void issuedCardWithMaskedHolder() {
        issue("sp-1", "FS-0001", "holder-1", NAME, ID_NUMBER, PHONE, 2000);

        CardDetail card = queries.handle(new CardDetailQuery("sp-1")).orElseThrow();
        assertThat(card.cardId()).isEqualTo("card-sp-1");
        assertThat(card.servicePointId()).isEqualTo("sp-1");
        assertThat(card.cardNumber()).isEqualTo("FS-0001");
        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.itemLimit()).isEqualTo(2000);
        assertThat(card.reserved()).isZero();
        assertThat(card.free()).isEqualTo(2000);
        assertThat(card.holderName()).isEqualTo("李**");
        assertThat(card.holderIdNumber()).isEqualTo("4401**********1234");
        assertThat(card.holderPhone()).isEqualTo("138****8000");
        assertThat(card.holderErased()).isFalse();
        assertThat(card.history()).singleElement().satisfies(h -> {
            assertThat(h.event()).isEqualTo("CollectiveCardIssued");
            assertThat(h.by()).isEqualTo("staff");
            assertThat(h.role()).isEqualTo("LIBRARY_STAFF");
        });
        assertThat(queries.handle(new CardDetailQuery("sp-unknown"))).isEmpty();
    }

    @Test
    @DisplayName("A.1.2 capacity: free = limit − reserved through reservations, partial and full releases and a limit change")
    void capacityArithmetic() {
        String id = issue("sp-1", "FS-0001", "holder-1", NAME, ID_NUMBER, PHONE, 2000);
        deliver(id, new ItemsReserved(id, "batch-1", 800, 800, 2000));
        assertThat(detail()).satisfies(card -> {
            assertThat(card.reserved()).isEqualTo(800);
            assertThat(card.free()).isEqualTo(1200);
        });
        deliver(id, new ItemsReserved(id, "batch.2$x", 1000, 1800, 2000)); // ids with '.' and '$' are safe
        assertThat(detail().free()).isEqualTo(200);
        deliver(id, new ItemsReleased(id, "batch-1", 300, 1500));
        assertThat(detail().reservations()).containsExactlyInAnyOrder(new CardReservation("batch-1", 500),
                new CardReservation("batch.2$x", 1000));
        assertThat(detail().free()).isEqualTo(500);
        deliver(id, new ItemsReleased(id, "batch-1", 500, 1000));
        assertThat(detail().reservations()).containsExactly(new CardReservation("batch.2$x", 1000));
        deliver(id, new CardLimitChanged(id, 2000, 1500));
        assertThat(detail()).satisfies(card -> {
            assertThat(card.itemLimit()).isEqualTo(1500);
            assertThat(card.reserved()).isEqualTo(1000);
            assertThat(card.free()).isEqualTo(500);
        });
        deliver(id, new ItemsReserved(id, "batch-3", 500, 1500, 1500));
        assertThat(detail()).satisfies(card -> {
            assertThat(card.reserved()).isEqualTo(1500);
            assertThat(card.free()).isZero();
            assertThat(card.reservations()).extracting(CardReservation::quantity).containsExactlyInAnyOrder(1000, 500);
        });
    }

    @Test
    @DisplayName("§4.2.3, A.3 card statuses: suspended, reinstated, lost, replaced (reservations carry over), cancelled, re-issued")
    void statusLifecycleAndReissue() {
        String id = issue("sp-1", "FS-0001", "holder-1", NAME, ID_NUMBER, PHONE, 2000);
        deliver(id, new ItemsReserved(id, "batch-1", 600, 600, 2000));
        deliver(id, new CardSuspended(id, "逾期未还"));
        assertThat(detail().status()).isEqualTo(CardStatus.SUSPENDED);
        deliver(id, new CardReinstated(id, "已归还"));
        assertThat(detail().status()).isEqualTo(CardStatus.ACTIVE);
        deliver(id, new CardReportedLost(id, "FS-0001", "遗失"));
        assertThat(detail().status()).isEqualTo(CardStatus.REPORTED_LOST);
        deliver(id, new CardReplaced(id, "FS-0001", "FS-0002"));
        assertThat(detail()).satisfies(card -> {
            assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
            assertThat(card.cardNumber()).isEqualTo("FS-0002");
            assertThat(card.reservations()).containsExactly(new CardReservation("batch-1", 600));
            assertThat(card.free()).isEqualTo(1400);
        });
        deliver(id, new ItemsReleased(id, "batch-1", 600, 0));
        deliver(id, new CardCancelled(id, "sp-1", "FS-0002", "协议终止"));
        assertThat(detail().status()).isEqualTo(CardStatus.CANCELLED);

        issue("sp-1", "FS-0003", "holder-2", "陈大文", "440104198502023456", "13700137000", 1800);
        CardDetail reissued = detail();
        assertThat(reissued.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(reissued.cardNumber()).isEqualTo("FS-0003");
        assertThat(reissued.itemLimit()).isEqualTo(1800);
        assertThat(reissued.free()).isEqualTo(1800);
        assertThat(reissued.reservations()).isEmpty();
        assertThat(reissued.holderName()).isEqualTo("陈**");
        assertThat(reissued.history()).extracting(h -> h.event() + "→" + h.status()).containsExactly(
                "CollectiveCardIssued→ACTIVE", "ItemsReserved→ACTIVE", "CardSuspended→SUSPENDED",
                "CardReinstated→ACTIVE", "CardReportedLost→REPORTED_LOST", "CardReplaced→ACTIVE",
                "ItemsReleased→ACTIVE", "CardCancelled→CANCELLED", "CollectiveCardIssued→ACTIVE");
        assertThat(mongo.getCollection(CardDocument.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    @DisplayName("A.6 erased holder: after CardHolderDataErased, and when the vault's key is gone before the event, the holder shows as erased")
    void erasedHolderShownAsErased() {
        String id = issue("sp-1", "FS-0001", "holder-1", NAME, ID_NUMBER, PHONE, 2000);
        deliver(id, new CardHolderRevealed(id, "holder-1", "核对身份"), ADMIN);
        assertThat(detail().history().get(1)).satisfies(h -> {
            assertThat(h.event()).isEqualTo("CardHolderRevealed");
            assertThat(h.by()).isEqualTo("admin");
            assertThat(h.summary()).contains("核对身份").doesNotContain(NAME);
        });

        vault.erase("holder-1"); // key deleted; the event has not reached the projection yet
        CardDetail keyGone = detail();
        assertThat(keyGone.holderErased()).isTrue();
        assertThat(List.of(keyGone.holderName(), keyGone.holderIdNumber(), keyGone.holderPhone()))
                .containsOnly(CardDetail.ERASED);

        deliver(id, new CardHolderDataErased(id, "holder-1", "本人申请删除"), ADMIN);
        CardDetail erased = detail();
        assertThat(erased.holderErased()).isTrue();
        assertThat(erased.holderName()).isEqualTo("已删除 (erased)");
        assertThat(erased.holderIdNumber()).isEqualTo(CardDetail.ERASED);
        assertThat(erased.holderPhone()).isEqualTo(CardDetail.ERASED);
        assertThat(erased.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(vault.reveals).isEqualTo(6); // the erased flag spares the vault: only the first two reads asked it
    }

    @Test
    @DisplayName("A.6 a former holder erased after the card was issued again: the current holder stays readable")
    void formerHolderErased() {
        String id = issue("sp-1", "FS-0001", "holder-1", NAME, ID_NUMBER, PHONE, 2000);
        deliver(id, new CardCancelled(id, "sp-1", "FS-0001", "协议终止"));
        issue("sp-1", "FS-0002", "holder-2", "陈大文", "440104198502023456", "13700137000", 2000);
        vault.erase("holder-1");
        deliver(id, new CardHolderDataErased(id, "holder-1", "前任开卡人申请删除"), ADMIN);

        CardDetail card = detail();
        assertThat(card.holderErased()).isFalse();
        assertThat(card.holderName()).isEqualTo("陈**");
        assertThat(card.holderPhone()).isEqualTo("137****7000");
        assertThat(card.history().get(card.history().size() - 1).summary())
                .isEqualTo("former holder data erased: 前任开卡人申请删除");

        deliver(id, new CardHolderDataErased(id, "holder-2", "本人申请删除"), ADMIN);
        assertThat(detail().holderErased()).isTrue();
        assertThat(detail().holderName()).isEqualTo(CardDetail.ERASED);
    }

    @Test
    @DisplayName("A.6 no plaintext name, ID number or phone anywhere in the projection store, raw documents scanned as JSON")
    void noPlaintextPersonalDataInMongo() {
        String id = issue("sp-1", "FS-0001", "holder-1", NAME, ID_NUMBER, PHONE, 2000);
        deliver(id, new ItemsReserved(id, "batch-1", 10, 10, 2000));
        deliver(id, new CardHolderRevealed(id, "holder-1", "核对身份"), ADMIN);
        issue("sp-2", "FS-0002", "holder-2", "陈大文", "440104198502023456", "13700137000", 2000);
        queries.handle(new CardDetailQuery("sp-1")); // reading must not write anything back

        StringBuilder everything = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                everything.append(document.toJson()).append('\n');
            }
        }
        assertThat(everything).contains("holder-1", "ciphertext"); // the protected values are there …
        assertThat(everything.toString()).doesNotContain(ID_NUMBER, PHONE, NAME, "440104198502023456",
                "13700137000", "陈大文", "4401**********1234", "138****8000"); // … and nothing readable
    }

    @Test
    @DisplayName("projection is idempotent: redelivering every event, one by one or the whole stream, changes nothing")
    void redeliveryChangesNothing() {
        String id = issue("sp-1", "FS-0001", "holder-1", NAME, ID_NUMBER, PHONE, 2000);
        deliver(id, new ItemsReserved(id, "batch-1", 800, 800, 2000));
        deliver(id, new ItemsReserved(id, "batch-2", 700, 1500, 2000));
        deliver(id, new ItemsReleased(id, "batch-1", 300, 1200));
        deliver(id, new CardLimitChanged(id, 2000, 1600));
        deliver(id, new CardSuspended(id, "逾期"));
        deliver(id, new CardReinstated(id, null));
        deliver(id, new CardReportedLost(id, "FS-0001", null));
        deliver(id, new CardReplaced(id, "FS-0001", "FS-0002"));
        deliver(id, new CardHolderRevealed(id, "holder-1", "核对"));
        deliver(id, new ItemsReleased(id, "batch-1", 500, 700));
        deliver(id, new ItemsReleased(id, "batch-2", 700, 0));
        deliver(id, new CardCancelled(id, "sp-1", "FS-0002", "终止"));
        issue("sp-1", "FS-0003", "holder-2", "陈大文", "440104198502023456", "13700137000", 2000);
        deliver(id, new ItemsReserved(id, "batch-3", 100, 100, 2000));
        deliver(id, new CardHolderDataErased(id, "holder-2", "申请删除"));
        CardDetail before = detail();

        for (DomainEventMessage<?> message : events.stream()) {
            redeliver(message);
            redeliver(message);
        }
        events.stream().forEach(this::redeliver);

        assertThat(detail()).isEqualTo(before);
        assertThat(mongo.getCollection(CardDocument.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(before.history()).hasSize(events.stream().size());
        assertThat(before.version()).isEqualTo(events.stream().size() - 1);
        assertThat(before.reserved()).isEqualTo(100);
        assertThat(before.free()).isEqualTo(1900);
        assertThat(before.holderErased()).isTrue();
    }

    @Test
    @DisplayName("a card event before CollectiveCardIssued fails loudly, so the processor retries instead of skipping")
    void updateOfUnknownCardIsRetried() {
        String id = CardIds.forServicePoint("sp-x");
        assertThatThrownBy(() -> deliver(id, new CardSuspended(id, "逾期"))).isInstanceOf(IllegalStateException.class);
    }

    private CardDetail detail() {
        return queries.handle(new CardDetailQuery("sp-1")).orElseThrow();
    }

    private String issue(String servicePointId, String cardNumber, String subject, String name, String idNumber,
                         String phone, int limit) {
        String id = CardIds.forServicePoint(servicePointId);
        deliver(id, new CollectiveCardIssued(id, servicePointId, cardNumber, subject, vault.protect(subject, name),
                vault.protect(subject, idNumber), vault.protect(subject, phone), limit));
        return id;
    }

    private void deliver(String aggregateId, Object payload) {
        deliver(aggregateId, payload, STAFF);
    }

    private void deliver(String aggregateId, Object payload, MetaData metaData) {
        events.deliver(aggregateId, payload, metaData);
    }

    private void redeliver(DomainEventMessage<?> message) {
        events.redeliver(message);
    }
}
