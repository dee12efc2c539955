package io.lendpoint.command.agreement;

import io.lendpoint.api.agreement.AgreementAmended;
import io.lendpoint.api.agreement.AgreementClosed;
import io.lendpoint.api.agreement.AgreementContinued;
import io.lendpoint.api.agreement.AgreementDrafted;
import io.lendpoint.api.agreement.AgreementPeriodEnds;
import io.lendpoint.api.agreement.AgreementSigned;
import io.lendpoint.api.agreement.AgreementTerminated;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AgreementTookEffect;
import io.lendpoint.api.agreement.AmendAgreement;
import io.lendpoint.api.agreement.AmendmentDue;
import io.lendpoint.api.agreement.AmendmentTookEffect;
import io.lendpoint.api.agreement.ConfirmAllBooksReturned;
import io.lendpoint.api.agreement.DraftAgreement;
import io.lendpoint.api.agreement.LodgeObjection;
import io.lendpoint.api.agreement.ObjectionLodged;
import io.lendpoint.api.agreement.EraseHandlerData;
import io.lendpoint.api.agreement.HandlerDataErased;
import io.lendpoint.api.agreement.Party;
import io.lendpoint.api.agreement.RecordedParty;
import io.lendpoint.platform.evolution.HandlerPhoneUpcaster;
import io.lendpoint.platform.personaldata.FakeVault;
import io.lendpoint.platform.personaldata.LegacyPlaintext;
import io.lendpoint.api.agreement.ReturnDeadlineReached;
import io.lendpoint.api.agreement.ReturnPeriodOverdue;
import io.lendpoint.api.agreement.RuleSetReference;
import io.lendpoint.api.agreement.Side;
import io.lendpoint.api.agreement.SignAgreement;
import io.lendpoint.api.agreement.TerminateAgreement;
import io.lendpoint.api.agreement.TerminationReason;
import io.lendpoint.api.calendar.WorkingDayCalendar;
import io.lendpoint.api.rules.RuleSets;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.lendpoint.command.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

class AgreementTest {

    private static final String POINT = "sp-1";
    private static final String AGREEMENT = "agreement-sp-1";
    private static final AgreementTerms STANDARD = AgreementTerms.standard(RuleSets.FINES_STANDARD,
            RuleSets.COMPENSATION_STANDARD);
    private static final Party LIBRARY = new Party("佛山市图书馆", "王馆员", "0757-83001234");
    private static final Party SCHOOL = new Party("佛山市第一小学", "李老师", "13800138000");
    /** 2025-03-03 10:00 in Foshan. */
    private static final Instant MARCH_2025 = Instant.parse("2025-03-03T02:00:00Z");
    private static final LocalDate SIGNED = LocalDate.of(2025, 3, 1);
    private static final LocalDate VALID_UNTIL = LocalDate.of(2027, 2, 28);

    /**
     * 30 working days after Fri 2026-09-25, counted by hand: Sep 28–30 (3), Oct 1–7 off, Oct 8–9 (5), Sat Oct 10
     * make-up day (6), then five-day weeks: Oct 12–16 (11), 19–23 (16), 26–30 (21), Nov 2–6 (26), Nov 9–12 (30).
     */
    private static final LocalDate EXPIRY_RETURN_DEADLINE = LocalDate.of(2026, 11, 12);

    private FixtureConfiguration<Agreement> fixture;
    private ServicePointStatus pointStatus = ServicePointStatus.APPROVED;
    private final AtomicInteger itemsOut = new AtomicInteger();
    private final FakeVault vault = new FakeVault();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(new Standings() {
            @Override
            public ServicePointStanding servicePoint(String servicePointId) {
                return new ServicePointStanding(servicePointId, pointStatus, "佛山市第一小学");
            }

            @Override
            public CardStanding card(String servicePointId) {
                return new CardStanding("card-" + servicePointId, CardStatus.ACTIVE, 2000, itemsOut.get());
            }
            @Override
            public AgreementStanding agreement(String servicePointId) {
                throw new UnsupportedOperationException("the agreement does not ask about itself");
            }
        });
        WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath();
        fixture.registerInjectableResource(new CalendarReturnDeadlines(calendar));
        fixture.registerInjectableResource(RuleSets.bundled());
        fixture.registerInjectableResource(vault);
    }

    private static AgreementDrafted drafted(int contract) {
        return new AgreementDrafted(AGREEMENT, POINT, contract, STANDARD, recorded(LIBRARY, contract, Side.LIBRARY),
                recorded(SCHOOL, contract, Side.SERVICE_POINT));
    }

    /** A.6: the party as the draft records it, the handler's phone under the key of this contract and side. */
    private static RecordedParty recorded(Party party, int contract, Side side) {
        return new RecordedParty(party.name(), party.handler(), party.handlerPhone() == null ? null
                : FakeVault.protectedAs(RecordedParty.subjectOf(AGREEMENT, contract, side), party.handlerPhone()));
    }

    /** Drafted and signed by the library: the point's signature (a command, so its deadline is scheduled) follows. */
    private static Object[] awaitingPointSignature() {
        return new Object[]{drafted(1), new AgreementSigned(AGREEMENT, POINT, Side.LIBRARY, "王馆员", SIGNED.minusDays(2))};
    }

    private static SignAgreement pointSigns() {
        return new SignAgreement(AGREEMENT, Side.SERVICE_POINT, "李老师", SIGNED);
    }

    private static Object[] inForce() {
        return new Object[]{drafted(1), new AgreementSigned(AGREEMENT, POINT, Side.LIBRARY, "王馆员", SIGNED.minusDays(2)),
                new AgreementSigned(AGREEMENT, POINT, Side.SERVICE_POINT, "李老师", SIGNED),
                new AgreementTookEffect(AGREEMENT, POINT, 1, SIGNED, VALID_UNTIL, STANDARD)};
    }

    @Test
    @DisplayName("§4.2.2 an agreement is drafted for an approved point with the standard's terms (A.1.2, A.4)")
    void draftForApprovedPoint() {
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, POINT, STANDARD, LIBRARY, SCHOOL))
                .expectEvents(drafted(1));
        assertThat(vault.protectedPlaintexts).containsExactly("0757-83001234", "13800138000");
    }

    @Test
    @DisplayName("A.6 a handler without a phone is recorded without one; nothing is protected for it")
    void handlerWithoutPhone() {
        Party noPhone = new Party("佛山市第一小学", "李老师", null);
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, POINT, STANDARD, LIBRARY, noPhone))
                .expectEvents(new AgreementDrafted(AGREEMENT, POINT, 1, STANDARD, recorded(LIBRARY, 1, Side.LIBRARY),
                        new RecordedParty("佛山市第一小学", "李老师", null)));
        assertThat(vault.protectedPlaintexts).containsExactly("0757-83001234");
    }

    @Test
    @DisplayName("A.6 a handler's phone is erased on request: the key goes, the event records it, and again is nothing new")
    void handlerPhoneIsErased() {
        String subject = RecordedParty.subjectOf(AGREEMENT, 1, Side.SERVICE_POINT);
        fixture.given(inForce())
                .when(new EraseHandlerData(AGREEMENT, subject, "本人申请删除"))
                .expectEvents(new HandlerDataErased(AGREEMENT, POINT, subject, "本人申请删除"));
        assertThat(vault.erased).containsExactly(subject);
        fixture.given(drafted(1), new HandlerDataErased(AGREEMENT, POINT, subject, "本人申请删除"))
                .when(new EraseHandlerData(AGREEMENT, subject, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.6 erasing a subject that is no handler of the agreement is refused and erases nothing")
    void unknownHandlerIsNotErased() {
        fixture.given(drafted(1))
                .when(new EraseHandlerData(AGREEMENT, "contact-sp-1-1", "误操作"))
                .expectException(violation("agreement.handler-unknown"))
                .expectNoEvents();
        assertThat(vault.erased).isEmpty();
    }

    @Test
    @DisplayName("A.6 a handler's phone from a draft stored before phones were protected can be erased")
    void legacyHandlerIsErased() {
        String legacy = HandlerPhoneUpcaster.legacySubject(AGREEMENT, "servicePoint", SCHOOL.handler());
        AgreementDrafted old = new AgreementDrafted(AGREEMENT, POINT, 1, STANDARD, recorded(LIBRARY, 1, Side.LIBRARY),
                new RecordedParty(SCHOOL.name(), SCHOOL.handler(), LegacyPlaintext.of(legacy, SCHOOL.handlerPhone())));
        fixture.given(old)
                .when(new EraseHandlerData(AGREEMENT, legacy, "本人申请删除"))
                .expectEvents(new HandlerDataErased(AGREEMENT, POINT, legacy, "本人申请删除"));
    }

    @Test
    @DisplayName("§4.2.2 no agreement for a point that is not approved")
    void noAgreementBeforeApproval() {
        pointStatus = ServicePointStatus.INSPECTION_PASSED;
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, POINT, STANDARD, LIBRARY, SCHOOL))
                .expectException(violation("agreement.point-not-approved"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.1.2 an agreement cannot allow more than 2000 books out at once")
    void atMostTwoThousand() {
        AgreementTerms tooMany = new AgreementTerms(2001, 12, 24, STANDARD.fineRules(), STANDARD.compensationRules());
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, POINT, tooMany, LIBRARY, SCHOOL))
                .expectException(violation("agreement.max-items-above-standard"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.2.4, A.2.5 an agreement can only refer to fine and compensation rule sets that exist")
    void unknownRuleSet() {
        AgreementTerms unknown = AgreementTerms.standard(RuleSets.FINES_STANDARD, new RuleSetReference("compensation-standard", 9));
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, POINT, unknown, LIBRARY, SCHOOL))
                .expectException(violation("agreement.rule-set-unknown"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("one live agreement per point: a second draft is refused until the first is closed")
    void oneLiveAgreementPerPoint() {
        fixture.given(inForce())
                .when(new DraftAgreement(AGREEMENT, POINT, STANDARD, LIBRARY, SCHOOL))
                .expectException(violation("agreement.exists"))
                .expectNoEvents();
        fixture.given(drafted(1), new AgreementTerminated(AGREEMENT, POINT, TerminationReason.REVOCATION, "x",
                        SIGNED, SIGNED.plusDays(40)), new AgreementClosed(AGREEMENT, POINT, SIGNED.plusDays(30)))
                .when(new DraftAgreement(AGREEMENT, POINT, STANDARD, LIBRARY, SCHOOL))
                .expectEvents(drafted(2));
    }

    @Test
    @DisplayName("§4.2.2 in force from the later signature, valid for 2 years; the end of the validity is a deadline")
    void inForceFromTheLaterSignature() {
        fixture.given(drafted(1), new AgreementSigned(AGREEMENT, POINT, Side.LIBRARY, "王馆员", SIGNED.minusDays(2)))
                .andGivenCurrentTime(MARCH_2025)
                .when(new SignAgreement(AGREEMENT, Side.SERVICE_POINT, "李老师", SIGNED))
                .expectEvents(new AgreementSigned(AGREEMENT, POINT, Side.SERVICE_POINT, "李老师", SIGNED),
                        new AgreementTookEffect(AGREEMENT, POINT, 1, SIGNED, VALID_UNTIL, STANDARD))
                .expectScheduledDeadlineWithName(Agreement.endOfDay(VALID_UNTIL), Agreement.PERIOD_END);
    }

    @Test
    @DisplayName("§4.2.2 each side signs once, and not in the future")
    void signatureRules() {
        fixture.given(drafted(1), new AgreementSigned(AGREEMENT, POINT, Side.LIBRARY, "王馆员", SIGNED))
                .andGivenCurrentTime(MARCH_2025)
                .when(new SignAgreement(AGREEMENT, Side.LIBRARY, "张馆员", SIGNED))
                .expectException(violation("agreement.already-signed"))
                .expectNoEvents();
        fixture.given(drafted(1)).andGivenCurrentTime(MARCH_2025)
                .when(new SignAgreement(AGREEMENT, Side.LIBRARY, "王馆员", LocalDate.of(2025, 3, 4)))
                .expectException(violation("agreement.signed-in-future"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.4 without objection the agreement continues automatically for another 2 years at the end of its validity")
    void continuesAutomatically() {
        fixture.given(awaitingPointSignature()).andGivenCurrentTime(MARCH_2025).andGivenCommands(pointSigns())
                .whenThenTimeElapses(Duration.ofDays(800))
                .expectDeadlinesMet(new AgreementPeriodEnds(AGREEMENT, 1, VALID_UNTIL))
                .expectEvents(new AgreementContinued(AGREEMENT, POINT, LocalDate.of(2027, 3, 1),
                        LocalDate.of(2029, 2, 28)));
    }

    @Test
    @DisplayName("A.4, A.3 an objection before expiry makes the agreement expire instead, starting the 30-working-day return period")
    void objectionMakesItExpire() {
        fixture.given(inForce()).andGivenCurrentTime(MARCH_2025)
                .when(new LodgeObjection(AGREEMENT, Side.SERVICE_POINT, "学校搬迁"))
                .expectEvents(new ObjectionLodged(AGREEMENT, Side.SERVICE_POINT, "学校搬迁", LocalDate.of(2025, 3, 3),
                        VALID_UNTIL));
        // 2027 is beyond the bundled calendar (expiry would then fail loudly, see below): use a validity ending
        // inside the data — signed 2024-09-26, valid until 2026-09-25
        LocalDate until = LocalDate.of(2026, 9, 25);
        fixture.given(drafted(1), new AgreementSigned(AGREEMENT, POINT, Side.LIBRARY, "王馆员", LocalDate.of(2024, 9, 26)))
                .andGivenCurrentTime(Instant.parse("2024-09-27T02:00:00Z"))
                .andGivenCommands(new SignAgreement(AGREEMENT, Side.SERVICE_POINT, "李老师", LocalDate.of(2024, 9, 26)),
                        new LodgeObjection(AGREEMENT, Side.LIBRARY, "服务点长期闲置"))
                .whenThenTimeElapses(Duration.ofDays(730))
                .expectDeadlinesMet(new AgreementPeriodEnds(AGREEMENT, 1, until))
                // Mid-Autumn Sep 25–27 and National Day Oct 1–7 2026 are off, Sat Oct 10 is a make-up working day
                .expectEvents(new AgreementTerminated(AGREEMENT, POINT, TerminationReason.EXPIRED_AFTER_OBJECTION,
                        "服务点长期闲置", until, EXPIRY_RETURN_DEADLINE));
    }

    @Test
    @DisplayName("A.4 a stale validity deadline (the validity was moved by an amendment) changes nothing")
    void staleDeadlineIsIgnored() {
        AgreementTerms longer = new AgreementTerms(2000, 12, 36, STANDARD.fineRules(), STANDARD.compensationRules());
        // the original deadline (2027-02-28) fires after the amendment moved the validity to 2028-02-29: nothing
        fixture.given(awaitingPointSignature()).andGivenCurrentTime(MARCH_2025)
                .andGivenCommands(pointSigns(), new AmendAgreement(AGREEMENT, longer, LocalDate.of(2025, 3, 3), "延长"))
                .whenThenTimeElapses(Duration.ofDays(735))
                .expectDeadlinesMet(new AgreementPeriodEnds(AGREEMENT, 1, VALID_UNTIL))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.3 early termination starts a return period of 30 working days on the PRC calendar (Spring Festival 2026)")
    void terminationStartsReturnPeriod() {
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2026-02-10T02:00:00Z"))
                .when(new TerminateAgreement(AGREEMENT, TerminationReason.MUTUAL_AGREEMENT, "双方协商"))
                .expectEvents(new AgreementTerminated(AGREEMENT, POINT, TerminationReason.MUTUAL_AGREEMENT, "双方协商",
                        LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 30)))
                .expectScheduledDeadlineWithName(Agreement.endOfDay(LocalDate.of(2026, 3, 30)), Agreement.RETURN_DEADLINE);
    }

    @Test
    @DisplayName("A.3 a return deadline beyond the calendar data is refused loudly, never guessed; nothing is stored")
    void beyondCalendarFailsLoudly() {
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2026-12-20T02:00:00Z"))
                .when(new TerminateAgreement(AGREEMENT, TerminationReason.REVOCATION, "违约"))
                .expectException(violation("calendar.not-covered"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.3 the agreement cannot be closed as returned while books are still out")
    void cannotCloseWithBooksOut() {
        itemsOut.set(120);
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2026-02-10T02:00:00Z"))
                .andGiven(new AgreementTerminated(AGREEMENT, POINT, TerminationReason.REVOCATION, "违约",
                        LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 30)))
                .andGivenCommands()
                .when(new ConfirmAllBooksReturned(AGREEMENT))
                .expectException(violation("agreement.books-outstanding"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.3 when the return deadline passes with books out, the case is flagged; with none out, it closes")
    void returnDeadline() {
        itemsOut.set(120);
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2026-02-10T02:00:00Z"))
                .andGivenCommands(new TerminateAgreement(AGREEMENT, TerminationReason.REVOCATION, "违约"))
                .whenThenTimeElapses(Duration.ofDays(60))
                .expectDeadlinesMet(new ReturnDeadlineReached(AGREEMENT, 1, LocalDate.of(2026, 3, 30)))
                .expectEvents(new ReturnPeriodOverdue(AGREEMENT, POINT, LocalDate.of(2026, 3, 30), 120));
        itemsOut.set(0);
        setUp();
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2026-02-10T02:00:00Z"))
                .andGivenCommands(new TerminateAgreement(AGREEMENT, TerminationReason.REVOCATION, "违约"))
                .whenThenTimeElapses(Duration.ofDays(60))
                .expectEvents(new AgreementClosed(AGREEMENT, POINT, LocalDate.of(2026, 3, 30)));
    }

    @Test
    @DisplayName("A.3 all books back before the deadline: the agreement closes, and the deadline later finds nothing to do")
    void closesWhenAllReturned() {
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2026-02-10T02:00:00Z"))
                .andGivenCommands(new TerminateAgreement(AGREEMENT, TerminationReason.REVOCATION, "违约"))
                .when(new ConfirmAllBooksReturned(AGREEMENT))
                .expectEvents(new AgreementClosed(AGREEMENT, POINT, LocalDate.of(2026, 2, 10)));
        // the return deadline still fires later, and finds nothing to do
        setUp();
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2026-02-10T02:00:00Z"))
                .andGivenCommands(new TerminateAgreement(AGREEMENT, TerminationReason.REVOCATION, "违约"),
                        new ConfirmAllBooksReturned(AGREEMENT))
                .whenThenTimeElapses(Duration.ofDays(60))
                .expectDeadlinesMet(new ReturnDeadlineReached(AGREEMENT, 1, LocalDate.of(2026, 3, 30)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.5 an amendment records old and new terms and when they apply; a longer validity moves the deadline")
    void amendment() {
        AgreementTerms fewer = new AgreementTerms(1500, 12, 24, STANDARD.fineRules(), STANDARD.compensationRules());
        fixture.given(inForce()).andGivenCurrentTime(MARCH_2025)
                .when(new AmendAgreement(AGREEMENT, fewer, LocalDate.of(2025, 4, 1), "馆藏调整"))
                .expectEvents(new AgreementAmended(AGREEMENT, STANDARD, fewer, LocalDate.of(2025, 4, 1), "馆藏调整",
                        VALID_UNTIL));
        AgreementTerms longer = new AgreementTerms(2000, 12, 36, STANDARD.fineRules(), STANDARD.compensationRules());
        setUp();
        fixture.given(inForce()).andGivenCurrentTime(MARCH_2025)
                .when(new AmendAgreement(AGREEMENT, longer, LocalDate.of(2025, 4, 1), "延长"))
                .expectEvents(new AgreementAmended(AGREEMENT, STANDARD, longer, LocalDate.of(2025, 4, 1), "延长",
                        LocalDate.of(2028, 2, 29)))
                .expectScheduledDeadlineWithName(Agreement.endOfDay(LocalDate.of(2028, 2, 29)), Agreement.PERIOD_END);
        setUp();
        fixture.given(inForce()).andGivenCurrentTime(MARCH_2025)
                .when(new AmendAgreement(AGREEMENT, fewer, LocalDate.of(2027, 3, 1), "太晚"))
                .expectException(violation("agreement.amendment-outside-validity"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.5 an amendment agreed for a later date takes effect on that date, by a durable deadline")
    void futureAmendmentTakesEffectOnItsDate() {
        AgreementTerms fewer = new AgreementTerms(1500, 12, 24, STANDARD.fineRules(), STANDARD.compensationRules());
        fixture.given(awaitingPointSignature()).andGivenCurrentTime(MARCH_2025)
                .andGivenCommands(pointSigns())
                .when(new AmendAgreement(AGREEMENT, fewer, LocalDate.of(2025, 6, 1), "暑期调整"))
                .expectEvents(new AgreementAmended(AGREEMENT, STANDARD, fewer, LocalDate.of(2025, 6, 1), "暑期调整",
                        VALID_UNTIL))
                .expectScheduledDeadlineWithName(LocalDate.of(2025, 6, 1).atStartOfDay(
                        io.lendpoint.api.LibraryTime.ZONE).toInstant(), Agreement.AMENDMENT_DUE);
        setUp();
        fixture.given(awaitingPointSignature()).andGivenCurrentTime(MARCH_2025)
                .andGivenCommands(pointSigns(), new AmendAgreement(AGREEMENT, fewer, LocalDate.of(2025, 6, 1), "暑期调整"))
                .whenThenTimeElapses(Duration.ofDays(100))
                .expectDeadlinesMet(new AmendmentDue(AGREEMENT, 1, LocalDate.of(2025, 6, 1)))
                .expectEvents(new AmendmentTookEffect(AGREEMENT, POINT, STANDARD, fewer, LocalDate.of(2025, 6, 1)));
    }

    @Test
    @DisplayName("A.5 an amendment effective today or earlier is in force at once")
    void immediateAmendment() {
        AgreementTerms fewer = new AgreementTerms(1500, 12, 24, STANDARD.fineRules(), STANDARD.compensationRules());
        fixture.given(inForce()).andGivenCurrentTime(MARCH_2025)
                .when(new AmendAgreement(AGREEMENT, fewer, LocalDate.of(2025, 3, 3), "调整"))
                .expectEvents(new AgreementAmended(AGREEMENT, STANDARD, fewer, LocalDate.of(2025, 3, 3), "调整", VALID_UNTIL),
                        new AmendmentTookEffect(AGREEMENT, POINT, STANDARD, fewer, LocalDate.of(2025, 3, 3)));
    }

    @Test
    @DisplayName("A.4 validity ends on the day before the same date, or on the last day of a shorter month")
    void validityEndsAtMonthEnds() {
        assertThat(Agreement.endOfPeriod(LocalDate.of(2025, 3, 1), 24)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Agreement.endOfPeriod(LocalDate.of(2024, 2, 29), 24)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Agreement.endOfPeriod(LocalDate.of(2026, 2, 28), 24)).isEqualTo(LocalDate.of(2028, 2, 27));
        assertThat(Agreement.endOfPeriod(LocalDate.of(2025, 1, 31), 1)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Agreement.endOfPeriod(LocalDate.of(2025, 1, 30), 1)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Agreement.endOfPeriod(LocalDate.of(2025, 1, 15), 1)).isEqualTo(LocalDate.of(2025, 2, 14));
        // continuing period after period never drifts: 2024-02-29 → 2026-02-28, then 2026-03-01 → 2028-02-29
        assertThat(Agreement.endOfPeriod(LocalDate.of(2026, 3, 1), 24)).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    @DisplayName("A.4 an objection after the validity has ended is refused: the agreement continues")
    void objectionTooLate() {
        fixture.given(inForce()).andGivenCurrentTime(Instant.parse("2027-02-28T17:00:00Z")) // 01:00 on 1 March in Foshan
                .when(new LodgeObjection(AGREEMENT, Side.SERVICE_POINT, "晚了"))
                .expectException(violation("agreement.objection-too-late"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.4 only one objection, and only while in force; expiry after objection is never a manual termination")
    void objectionRules() {
        fixture.given(inForce()).andGiven(new ObjectionLodged(AGREEMENT, Side.LIBRARY, "x", SIGNED, VALID_UNTIL))
                .andGivenCurrentTime(MARCH_2025)
                .when(new LodgeObjection(AGREEMENT, Side.SERVICE_POINT, "y"))
                .expectException(violation("agreement.objection-already-lodged"));
        fixture.given(drafted(1)).when(new LodgeObjection(AGREEMENT, Side.SERVICE_POINT, "y"))
                .expectException(violation("agreement.not-in-force"));
        fixture.given(inForce()).andGivenCurrentTime(MARCH_2025)
                .when(new TerminateAgreement(AGREEMENT, TerminationReason.EXPIRED_AFTER_OBJECTION, "x"))
                .expectException(violation("agreement.expiry-is-automatic"))
                .expectNoEvents();
    }

}
