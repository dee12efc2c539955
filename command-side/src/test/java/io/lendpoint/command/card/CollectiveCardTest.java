package io.lendpoint.command.card;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.RuleSetReference;
import io.lendpoint.api.card.CancelCard;
import io.lendpoint.api.card.CardCancelled;
import io.lendpoint.api.card.CardHolder;
import io.lendpoint.api.card.CardHolderDataErased;
import io.lendpoint.api.card.CardHolderRevealed;
import io.lendpoint.api.card.CardReplaced;
import io.lendpoint.api.card.CardReportedLost;
import io.lendpoint.api.card.CardSuspended;
import io.lendpoint.api.card.CollectiveCardIssued;
import io.lendpoint.api.card.EraseCardHolderData;
import io.lendpoint.api.card.IssueCollectiveCard;
import io.lendpoint.api.card.ItemsReleased;
import io.lendpoint.api.card.ItemsReserved;
import io.lendpoint.api.card.ReleaseItems;
import io.lendpoint.api.card.ReplaceCard;
import io.lendpoint.api.card.ReportCardLost;
import io.lendpoint.api.card.ReserveItems;
import io.lendpoint.api.card.RevealCardHolder;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.platform.personaldata.FakeVault;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.lendpoint.command.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;

class CollectiveCardTest {

    private static final String POINT = "sp-1";
    private static final String CARD = "card-sp-1";
    private static final String SUBJECT = "card-holder-1";
    private static final String NEXT_SUBJECT = "card-holder-2";
    private static final CardHolder HOLDER = new CardHolder("李小明", "11010519491231002X", "13800138000");
    private static final AgreementTerms TERMS = AgreementTerms.standard(new RuleSetReference("fines", 1),
            new RuleSetReference("compensation", 1));

    private FixtureConfiguration<CollectiveCard> fixture;
    private AgreementStatus agreementStatus = AgreementStatus.IN_FORCE;
    private final FakeVault vault = new FakeVault();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CollectiveCard.class);
        fixture.registerInjectableResource(new Standings() {
            @Override
            public ServicePointStanding servicePoint(String servicePointId) {
                return new ServicePointStanding(servicePointId, ServicePointStatus.APPROVED, "第一小学");
            }

            @Override
            public AgreementStanding agreement(String servicePointId) {
                return new AgreementStanding("agreement-" + servicePointId, agreementStatus, TERMS,
                        LocalDate.of(2027, 2, 28));
            }
            @Override
            public CardStanding card(String servicePointId) {
                throw new UnsupportedOperationException("the card does not ask about itself");
            }
        });
        fixture.registerInjectableResource(vault);
    }

    private static CollectiveCardIssued issued() {
        return new CollectiveCardIssued(CARD, POINT, "JT-0001", SUBJECT, FakeVault.protectedAs(SUBJECT, "李小明"),
                FakeVault.protectedAs(SUBJECT, "11010519491231002X"), FakeVault.protectedAs(SUBJECT, "13800138000"),
                2000);
    }

    /** Issued again after a cancellation, to another holder. */
    private static CollectiveCardIssued issuedAgain() {
        return new CollectiveCardIssued(CARD, POINT, "JT-0002", NEXT_SUBJECT,
                FakeVault.protectedAs(NEXT_SUBJECT, "陈大文"), FakeVault.protectedAs(NEXT_SUBJECT, "440104198502023456"),
                FakeVault.protectedAs(NEXT_SUBJECT, "13700137000"), 2000);
    }

    @Test
    @DisplayName("§4.2.3, A.6 the card is issued under an agreement in force, with the holder's details protected")
    void issue() {
        fixture.givenNoPriorActivity()
                .when(new IssueCollectiveCard(CARD, POINT, "JT-0001", HOLDER))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        new TypeSafeMatcher<CollectiveCardIssued>() {
                            @Override
                            protected boolean matchesSafely(CollectiveCardIssued e) {
                                return e.cardNumber().equals("JT-0001") && e.itemLimit() == 2000
                                        && e.holderIdNumber().equals(FakeVault.protectedAs(e.holderSubjectId(), "11010519491231002X"))
                                        && e.holderIdNumber().subjectId().equals(e.holderSubjectId());
                            }

                            @Override
                            public void describeTo(Description d) {
                                d.appendText("a card issued with the agreement's limit and protected holder data");
                            }
                        }), Matchers.andNoMore()));
        assertThat(vault.protectedPlaintexts).containsExactlyInAnyOrder("李小明", "11010519491231002X", "13800138000");
    }

    @Test
    @DisplayName("§4.2.3 no card while the agreement is not in force")
    void noCardWithoutAgreementInForce() {
        agreementStatus = AgreementStatus.DRAFTED;
        fixture.givenNoPriorActivity()
                .when(new IssueCollectiveCard(CARD, POINT, "JT-0001", HOLDER))
                .expectException(violation("card.agreement-not-in-force"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.2.3 one active card per point")
    void oneCardPerPoint() {
        fixture.given(issued())
                .when(new IssueCollectiveCard(CARD, POINT, "JT-0002", HOLDER))
                .expectException(violation("card.exists"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.1.2 reservations up to the limit are taken; one item more is refused")
    void capacity() {
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 1500, 1500, 2000))
                .when(new ReserveItems(CARD, "b2", 500))
                .expectEvents(new ItemsReserved(CARD, "b2", 500, 2000, 2000));
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 1500, 1500, 2000))
                .when(new ReserveItems(CARD, "b2", 501))
                .expectException(violation("card.capacity-exceeded"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.1.2 a repeated reservation is a no-op; a conflicting one is refused")
    void reservationsAreIdempotent() {
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 100, 100, 2000))
                .when(new ReserveItems(CARD, "b1", 100))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 100, 100, 2000))
                .when(new ReserveItems(CARD, "b1", 200))
                .expectException(violation("card.reservation-exists"));
    }

    @Test
    @DisplayName("A.1.2 released items free capacity; no release beyond the reservation")
    void release() {
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 2000, 2000, 2000))
                .when(new ReleaseItems(CARD, "b1", 300))
                .expectEvents(new ItemsReleased(CARD, "b1", 300, 1700));
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 100, 100, 2000))
                .when(new ReleaseItems(CARD, "b1", 101))
                .expectException(violation("card.release-exceeds-reservation"))
                .expectNoEvents();
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 2000, 2000, 2000), new ItemsReleased(CARD, "b1", 300, 1700))
                .when(new ReserveItems(CARD, "b2", 300))
                .expectEvents(new ItemsReserved(CARD, "b2", 300, 2000, 2000));
    }

    @Test
    @DisplayName("a suspended or lost card takes no reservation; a lost card is replaced by a new number")
    void suspensionAndLoss() {
        fixture.given(issued(), new CardSuspended(CARD, "逾期"))
                .when(new ReserveItems(CARD, "b1", 1))
                .expectException(violation("card.wrong-status"))
                .expectNoEvents();
        fixture.given(issued())
                .when(new ReportCardLost(CARD, "遗失"))
                .expectEvents(new CardReportedLost(CARD, "JT-0001", "遗失"));
        fixture.given(issued(), new CardReportedLost(CARD, "JT-0001", null))
                .when(new ReplaceCard(CARD, "JT-0002"))
                .expectEvents(new CardReplaced(CARD, "JT-0001", "JT-0002"));
        fixture.given(issued(), new CardReportedLost(CARD, "JT-0001", null), new CardReplaced(CARD, "JT-0001", "JT-0002"))
                .when(new ReserveItems(CARD, "b1", 10))
                .expectEvents(new ItemsReserved(CARD, "b1", 10, 10, 2000));
    }

    @Test
    @DisplayName("A.3 a suspended card reported lost and replaced stays suspended: no lending during the return period")
    void replacementKeepsSuspension() {
        fixture.given(issued(), new CardSuspended(CARD, "协议终止"), new CardReportedLost(CARD, "JT-0001", null),
                        new CardReplaced(CARD, "JT-0001", "JT-0002"))
                .when(new ReserveItems(CARD, "b1", 1))
                .expectException(violation("card.wrong-status"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.3 the card is cancelled only when nothing is outstanding")
    void cancellation() {
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 5, 5, 2000))
                .when(new CancelCard(CARD, "协议终止"))
                .expectException(violation("card.items-outstanding"))
                .expectNoEvents();
        fixture.given(issued(), new ItemsReserved(CARD, "b1", 5, 5, 2000), new ItemsReleased(CARD, "b1", 5, 0))
                .when(new CancelCard(CARD, "协议终止"))
                .expectEvents(new CardCancelled(CARD, POINT, "JT-0001", "协议终止"));
    }

    @Test
    @DisplayName("A.6 revealing the holder answers the full values and records the read")
    void revealIsRecorded() {
        fixture.given(issued())
                .when(new RevealCardHolder(CARD, "核对身份"))
                .expectResultMessagePayload(HOLDER)
                .expectEvents(new CardHolderRevealed(CARD, SUBJECT, "核对身份"));
    }

    @Test
    @DisplayName("A.6 erasure destroys the key; afterwards nothing can be revealed, and erasing again records nothing")
    void erasure() {
        fixture.given(issued())
                .when(new EraseCardHolderData(CARD, "本人申请"))
                .expectEvents(new CardHolderDataErased(CARD, SUBJECT, "本人申请"));
        assertThat(vault.erased).containsExactly(SUBJECT);
        fixture.given(issued(), new CardHolderDataErased(CARD, SUBJECT, "本人申请"))
                .when(new RevealCardHolder(CARD, "核对"))
                .expectException(violation("card.holder-erased"))
                .expectNoEvents();
        fixture.given(issued(), new CardHolderDataErased(CARD, SUBJECT, "本人申请"))
                .when(new EraseCardHolderData(CARD, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.6 a former holder's data is erased after the card was issued again; the current holder stays readable")
    void formerHolderErasure() {
        CardCancelled cancelled = new CardCancelled(CARD, POINT, "JT-0001", "协议终止");
        fixture.given(issued(), cancelled, issuedAgain())
                .when(new EraseCardHolderData(CARD, "前任开卡人申请", SUBJECT))
                .expectEvents(new CardHolderDataErased(CARD, SUBJECT, "前任开卡人申请"));
        assertThat(vault.erased).containsExactly(SUBJECT);

        CardHolderDataErased erased = new CardHolderDataErased(CARD, SUBJECT, "前任开卡人申请");
        fixture.given(issued(), cancelled, issuedAgain(), erased)
                .when(new RevealCardHolder(CARD, "核对身份"))
                .expectResultMessagePayload(new CardHolder("陈大文", "440104198502023456", "13700137000"))
                .expectEvents(new CardHolderRevealed(CARD, NEXT_SUBJECT, "核对身份"));
        fixture.given(issued(), cancelled, issuedAgain(), erased)
                .when(new EraseCardHolderData(CARD, "again", SUBJECT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // erased before the card was issued again: the new holder is not erased with it
        fixture.given(issued(), new CardHolderDataErased(CARD, SUBJECT, "本人申请"), cancelled, issuedAgain())
                .when(new EraseCardHolderData(CARD, "本人申请"))
                .expectEvents(new CardHolderDataErased(CARD, NEXT_SUBJECT, "本人申请"));
    }

    @Test
    @DisplayName("A.6 a subject that never held this card is refused, and nothing is erased")
    void unknownHolderRefused() {
        fixture.given(issued(), new CardCancelled(CARD, POINT, "JT-0001", "协议终止"), issuedAgain())
                .when(new EraseCardHolderData(CARD, "x", "card-holder-of-another-card"))
                .expectException(violation("card.holder-unknown"))
                .expectNoEvents();
        assertThat(vault.erased).isEmpty();
    }
}
