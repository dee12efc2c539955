package io.lendpoint.query.agreement;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.calendar.WorkingDayCalendar;
import io.lendpoint.api.agreement.AgreementAmended;
import io.lendpoint.api.agreement.AmendmentTookEffect;
import io.lendpoint.api.agreement.AgreementClosed;
import io.lendpoint.api.agreement.AgreementContinued;
import io.lendpoint.api.agreement.AgreementDetail;
import io.lendpoint.api.agreement.AgreementDetailQuery;
import io.lendpoint.api.agreement.AgreementDrafted;
import io.lendpoint.api.agreement.AgreementIds;
import io.lendpoint.api.agreement.AgreementObjection;
import io.lendpoint.api.agreement.AgreementSignature;
import io.lendpoint.api.agreement.AgreementSigned;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.agreement.AgreementTerminated;
import io.lendpoint.api.agreement.AgreementTermination;
import io.lendpoint.api.agreement.AgreementTerms;
import io.lendpoint.api.agreement.AgreementTermsOnDateQuery;
import io.lendpoint.api.agreement.AgreementTookEffect;
import io.lendpoint.api.agreement.ExpiringAgreements;
import io.lendpoint.api.agreement.ExpiringAgreementsQuery;
import io.lendpoint.api.agreement.ObjectionLodged;
import io.lendpoint.api.agreement.HandlerDataErased;
import io.lendpoint.api.agreement.Party;
import io.lendpoint.api.agreement.RecordedParty;
import io.lendpoint.api.personaldata.Masking;
import io.lendpoint.platform.personaldata.FakeVault;
import io.lendpoint.api.agreement.ReturnPeriodAgreements;
import io.lendpoint.api.agreement.ReturnPeriodAgreementsQuery;
import io.lendpoint.api.agreement.ReturnPeriodOverdue;
import io.lendpoint.api.agreement.RuleSetReference;
import io.lendpoint.api.agreement.SetupDashboard;
import io.lendpoint.api.agreement.SetupDashboardQuery;
import io.lendpoint.api.agreement.Side;
import io.lendpoint.api.agreement.TermsPeriod;
import io.lendpoint.api.agreement.TerminationReason;
import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.api.card.CardStatus;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agreement projection and its queries against a MongoDB-wire server, the way the processor drives them. */
class AgreementProjectionTest {

    private static final MetaData STAFF = MetaData.from(Map.of(AuditMetadata.USER, "staff",
            AuditMetadata.ROLE, "LIBRARY_STAFF"));
    private static final MetaData MANAGER = MetaData.from(Map.of(AuditMetadata.USER, "manager-sp-1",
            AuditMetadata.ROLE, "POINT_MANAGER"));
    private static final AgreementTerms STANDARD = AgreementTerms.standard(new RuleSetReference("fines", 1),
            new RuleSetReference("compensation", 1));
    private static final AgreementTerms AMENDED = new AgreementTerms(1500, 12, 24, new RuleSetReference("fines", 2),
            new RuleSetReference("compensation", 1));
    private static final Party LIBRARY = new Party("佛山市图书馆", "张馆员", "13900000001");
    private static final Party SCHOOL = new Party("佛山市第一小学", "李老师", "13900000002");
    /** A.6: the parties as a draft records them, the handlers' phones protected (the same subjects for every test). */
    private static final RecordedParty RECORDED_LIBRARY = recorded(LIBRARY, "handler-1-library");
    private static final RecordedParty RECORDED_SCHOOL = recorded(SCHOOL, "handler-1-point");
    private final FakeVault vault = new FakeVault();

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private MongoTemplate mongo;
    private AgreementProjection projection;
    private ProjectionFixture events;

    @BeforeEach
    void start() {
        mongo = store.template("projection-test");
        projection = new AgreementProjection(mongo);
        events = new ProjectionFixture(projection, "Agreement");
    }

    @Test
    @DisplayName("§4.2.2 drafted, then signed by both parties: DRAFTED with both signatures and no terms in force yet")
    void draftedAndSigned() {
        String id = AgreementIds.forServicePoint("sp-1");
        deliver(id, new AgreementDrafted(id, "sp-1", 1, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        deliver(id, new AgreementSigned(id, "sp-1", Side.LIBRARY, "张馆长", LocalDate.of(2026, 12, 1)), STAFF);
        deliver(id, new AgreementSigned(id, "sp-1", Side.SERVICE_POINT, "李校长", LocalDate.of(2026, 12, 2)), MANAGER);

        AgreementDetail detail = queriesOn(LocalDate.of(2026, 12, 2)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(detail.agreementId()).isEqualTo("agreement-sp-1");
        assertThat(detail.servicePointId()).isEqualTo("sp-1");
        assertThat(detail.contractNumber()).isEqualTo(1);
        assertThat(detail.status()).isEqualTo(AgreementStatus.DRAFTED);
        assertThat(detail.library()).isEqualTo(LIBRARY);
        assertThat(detail.servicePoint()).isEqualTo(SCHOOL);
        assertThat(detail.terms()).isEqualTo(STANDARD);
        assertThat(detail.signatures()).containsExactly(
                new AgreementSignature(Side.LIBRARY, "张馆长", LocalDate.of(2026, 12, 1)),
                new AgreementSignature(Side.SERVICE_POINT, "李校长", LocalDate.of(2026, 12, 2)));
        assertThat(detail.termsInForce()).isNull();
        assertThat(detail.daysToExpiry()).isNull();
        assertThat(detail.termsTimeline()).isEmpty();
        assertThat(detail.history()).extracting(h -> h.event() + "/" + h.by() + "/" + h.role())
                .containsExactly("AgreementDrafted/staff/LIBRARY_STAFF", "AgreementSigned/staff/LIBRARY_STAFF",
                        "AgreementSigned/manager-sp-1/POINT_MANAGER");
        assertThat(detail.version()).isEqualTo(2);
    }

    @Test
    @DisplayName("A.6 the handlers' phones are kept protected and read through the vault: once erased, the detail shows them erased")
    void handlerPhoneErased() {
        String id = AgreementIds.forServicePoint("sp-1");
        deliver(id, new AgreementDrafted(id, "sp-1", 1, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        vault.erase("handler-1-point");
        deliver(id, new HandlerDataErased(id, "sp-1", "handler-1-point", "本人申请删除"));

        AgreementDetail detail = queriesOn(LocalDate.of(2026, 12, 2)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(detail.library()).isEqualTo(LIBRARY);
        assertThat(detail.servicePoint()).isEqualTo(new Party(SCHOOL.name(), SCHOOL.handler(), Masking.ERASED));
        assertThat(detail.version()).isEqualTo(1);
        assertThat(detail.history()).hasSize(2);
        String stored = mongo.getCollection("agreements").find().first().toJson();
        assertThat(stored).doesNotContain(LIBRARY.handlerPhone()).doesNotContain(SCHOOL.handlerPhone());
    }

    @Test
    @DisplayName("§4.2.2, A.4, A.5, A.3 the whole life of a contract, then a second contract after closing")
    void lifecycleAndSecondContract() {
        String id = runFirstContractToInForce();
        AgreementDetail inForce = queriesOn(LocalDate.of(2027, 1, 15)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(inForce.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(inForce.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(inForce.validUntil()).isEqualTo(LocalDate.of(2028, 12, 1));
        assertThat(inForce.daysToExpiry()).isEqualTo(686); // 2027-01-15 → 2028-12-01
        assertThat(inForce.termsInForce()).isEqualTo(STANDARD);

        deliver(id, new AgreementAmended(id, STANDARD, AMENDED, LocalDate.of(2027, 3, 1), "书架容量调整",
                LocalDate.of(2028, 12, 1)));
        AgreementDetail amended = queriesOn(LocalDate.of(2027, 3, 1)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(amended.terms()).isEqualTo(AMENDED);
        assertThat(amended.termsInForce()).isEqualTo(AMENDED);
        assertThat(amended.termsTimeline()).containsExactly(new TermsPeriod(1, LocalDate.of(2026, 12, 2), STANDARD),
                new TermsPeriod(1, LocalDate.of(2027, 3, 1), AMENDED));
        assertThat(queriesOn(LocalDate.of(2027, 2, 28)).handle(new AgreementDetailQuery("sp-1")).orElseThrow()
                .termsInForce()).isEqualTo(STANDARD);

        deliver(id, new ObjectionLodged(id, Side.SERVICE_POINT, "学校搬迁", LocalDate.of(2028, 10, 1),
                LocalDate.of(2028, 12, 1)), MANAGER);
        AgreementDetail objected = queriesOn(LocalDate.of(2028, 10, 2)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(objected.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(objected.objection()).isEqualTo(new AgreementObjection(Side.SERVICE_POINT, "学校搬迁",
                LocalDate.of(2028, 10, 1)));
        assertThat(objected.daysToExpiry()).isEqualTo(60);

        deliver(id, new AgreementTerminated(id, "sp-1", TerminationReason.EXPIRED_AFTER_OBJECTION, "乙方异议，到期终止",
                LocalDate.of(2028, 12, 2), LocalDate.of(2029, 1, 15)));
        AgreementDetail ended = queriesOn(LocalDate.of(2028, 12, 3)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(ended.status()).isEqualTo(AgreementStatus.RETURN_PERIOD);
        assertThat(ended.termination()).isEqualTo(new AgreementTermination(TerminationReason.EXPIRED_AFTER_OBJECTION,
                "乙方异议，到期终止", LocalDate.of(2028, 12, 2), LocalDate.of(2029, 1, 15), null));
        assertThat(ended.daysToExpiry()).isNull();
        assertThat(ended.termsInForce()).isNull();

        deliver(id, new ReturnPeriodOverdue(id, "sp-1", LocalDate.of(2029, 1, 15), 12));
        AgreementDetail overdue = queriesOn(LocalDate.of(2029, 1, 16)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(overdue.status()).isEqualTo(AgreementStatus.RETURN_OVERDUE);
        assertThat(overdue.termination().itemsOutstanding()).isEqualTo(12);
        assertThat(overdue.termination().reason()).isEqualTo(TerminationReason.EXPIRED_AFTER_OBJECTION);

        deliver(id, new AgreementClosed(id, "sp-1", LocalDate.of(2029, 2, 1)));
        assertThat(queriesOn(LocalDate.of(2029, 2, 1)).handle(new AgreementDetailQuery("sp-1")).orElseThrow())
                .satisfies(closed -> {
                    assertThat(closed.status()).isEqualTo(AgreementStatus.CLOSED);
                    assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2029, 2, 1));
                });

        deliver(id, new AgreementDrafted(id, "sp-1", 2, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        AgreementDetail second = queriesOn(LocalDate.of(2029, 3, 1)).handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(second.contractNumber()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(AgreementStatus.DRAFTED);
        assertThat(second.signatures()).isEmpty();
        assertThat(second.objection()).isNull();
        assertThat(second.termination()).isNull();
        assertThat(second.closedOn()).isNull();
        assertThat(second.effectiveFrom()).isNull();
        assertThat(second.validUntil()).isNull();
        assertThat(second.termsTimeline()).hasSize(2); // the first contract's terms stay answerable
        assertThat(second.history()).extracting(h -> h.event() + "#" + h.contractNumber() + "→" + h.status())
                .containsExactly("AgreementDrafted#1→DRAFTED", "AgreementSigned#1→DRAFTED", "AgreementSigned#1→DRAFTED",
                        "AgreementTookEffect#1→IN_FORCE", "AgreementAmended#1→IN_FORCE", "ObjectionLodged#1→IN_FORCE",
                        "AgreementTerminated#1→RETURN_PERIOD", "ReturnPeriodOverdue#1→RETURN_OVERDUE",
                        "AgreementClosed#1→CLOSED", "AgreementDrafted#2→DRAFTED");
        assertThat(second.history()).extracting(h -> h.summary()).allSatisfy(summary -> assertThat(summary).isNotBlank());
        assertThat(second.history().get(4).summary()).contains("2027-03-01", "1500", "书架容量调整");
        assertThat(mongo.getCollection(AgreementDocument.COLLECTION).countDocuments()).isEqualTo(1);

        // second contract takes effect; the first contract's dates still answer with the first contract's terms
        deliver(id, new AgreementSigned(id, "sp-1", Side.LIBRARY, "张馆长", LocalDate.of(2029, 3, 5)));
        deliver(id, new AgreementSigned(id, "sp-1", Side.SERVICE_POINT, "王校长", LocalDate.of(2029, 3, 6)));
        deliver(id, new AgreementTookEffect(id, "sp-1", 2, LocalDate.of(2029, 3, 6), LocalDate.of(2031, 3, 5), STANDARD));
        AgreementQueries queries = queriesOn(LocalDate.of(2029, 4, 1));
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2027, 6, 1)))).contains(AMENDED);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2029, 2, 1)))).isEmpty();
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2029, 3, 6)))).contains(STANDARD);
        assertThat(queries.handle(new AgreementDetailQuery("sp-1")).orElseThrow().signatures())
                .extracting(AgreementSignature::signatory).containsExactly("张馆长", "王校长");
    }

    @Test
    @DisplayName("A.5 terms on a date: before the amendment, from its effective day, outside the validity, and today by default")
    void termsOnDateAcrossAnAmendment() {
        String id = runFirstContractToInForce();
        deliver(id, new AgreementAmended(id, STANDARD, AMENDED, LocalDate.of(2027, 3, 1), "书架容量调整",
                LocalDate.of(2028, 12, 1)));
        AgreementQueries queries = queriesOn(LocalDate.of(2027, 1, 15));

        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2026, 12, 1)))).isEmpty();
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2026, 12, 2)))).contains(STANDARD);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2027, 2, 28)))).contains(STANDARD);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2027, 3, 1)))).contains(AMENDED);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2028, 12, 1)))).contains(AMENDED);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2028, 12, 2)))).isEmpty();
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", null))).contains(STANDARD); // today: 2027-01-15
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-unknown", LocalDate.of(2027, 3, 1)))).isEmpty();
        // the detail's "terms" are the latest agreed, "termsInForce" those of today
        AgreementDetail detail = queries.handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(detail.terms()).isEqualTo(AMENDED);
        assertThat(detail.termsInForce()).isEqualTo(STANDARD);

        // A.4 continued without objection: the amended terms carry into the next period
        deliver(id, new AgreementContinued(id, "sp-1", LocalDate.of(2028, 12, 2), LocalDate.of(2030, 12, 1)));
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2029, 6, 1)))).contains(AMENDED);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2030, 12, 2)))).isEmpty();
        assertThat(queriesOn(LocalDate.of(2028, 12, 2)).handle(new AgreementDetailQuery("sp-1")).orElseThrow())
                .satisfies(continued -> {
                    assertThat(continued.status()).isEqualTo(AgreementStatus.IN_FORCE);
                    assertThat(continued.validUntil()).isEqualTo(LocalDate.of(2030, 12, 1));
                    assertThat(continued.daysToExpiry()).isEqualTo(729);
                });

        // A.3 terminated early: terminatedOn is the last day in force, the day after is not
        deliver(id, new AgreementTerminated(id, "sp-1", TerminationReason.MUTUAL_AGREEMENT, "双方协商",
                LocalDate.of(2029, 9, 1), LocalDate.of(2029, 10, 20)));
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2029, 9, 1)))).contains(AMENDED);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2029, 9, 2)))).isEmpty();
    }

    @Test
    @DisplayName("A.5 a later amendment replaces one whose day has not come: the replaced terms never apply, and the "
            + "history says so; an amendment that took effect stays")
    void laterAmendmentReplacesAPendingOne() {
        String id = runFirstContractToInForce();
        AgreementTerms firstChange = new AgreementTerms(1800, STANDARD.loanTermMonths(), STANDARD.validityMonths(),
                STANDARD.fineRules(), STANDARD.compensationRules());
        deliver(id, new AgreementAmended(id, STANDARD, firstChange, LocalDate.of(2027, 1, 1), "先调整一次",
                LocalDate.of(2028, 12, 1)));
        deliver(id, new AmendmentTookEffect(id, "sp-1", STANDARD, firstChange, LocalDate.of(2027, 1, 1)));
        deliver(id, new AgreementAmended(id, firstChange, STANDARD, LocalDate.of(2027, 3, 1), "再调整",
                LocalDate.of(2028, 12, 1)));
        deliver(id, new AgreementAmended(id, firstChange, AMENDED, LocalDate.of(2027, 5, 1), "改为五月起",
                LocalDate.of(2028, 12, 1)));
        AgreementQueries queries = queriesOn(LocalDate.of(2027, 2, 1));

        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2026, 12, 31)))).contains(STANDARD);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2027, 1, 1))))
                .as("took effect: stays").contains(firstChange);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2027, 4, 1))))
                .as("the replaced amendment never applied").contains(firstChange);
        assertThat(queries.handle(new AgreementTermsOnDateQuery("sp-1", LocalDate.of(2027, 5, 1)))).contains(AMENDED);
        AgreementDetail detail = queries.handle(new AgreementDetailQuery("sp-1")).orElseThrow();
        assertThat(detail.termsTimeline()).extracting(TermsPeriod::effectiveFrom).containsExactly(
                LocalDate.of(2026, 12, 2), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 1));
        assertThat(detail.history().get(detail.history().size() - 1).summary())
                .endsWith("replaces the amendment that was to apply from 2027-03-01");
    }

    @Test
    @DisplayName("A.5 an amendment left pending when its contract ended stays that contract's: the next contract's "
            + "first amendment replaces nothing")
    void pendingAmendmentEndsWithItsContract() {
        String id = runFirstContractToInForce();
        deliver(id, new AgreementAmended(id, STANDARD, AMENDED, LocalDate.of(2027, 9, 1), "九月起调整",
                LocalDate.of(2028, 12, 1)));
        deliver(id, new AgreementTerminated(id, "sp-1", TerminationReason.MUTUAL_AGREEMENT, "双方协商",
                LocalDate.of(2027, 6, 1), LocalDate.of(2027, 7, 15)));
        deliver(id, new AgreementClosed(id, "sp-1", LocalDate.of(2027, 7, 1)));
        deliver(id, new AgreementDrafted(id, "sp-1", 2, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        deliver(id, new AgreementTookEffect(id, "sp-1", 2, LocalDate.of(2027, 8, 1), LocalDate.of(2029, 7, 31),
                STANDARD));
        deliver(id, new AgreementAmended(id, STANDARD, AMENDED, LocalDate.of(2027, 10, 1), "第二份协议调整",
                LocalDate.of(2029, 7, 31)));

        AgreementDetail detail = queriesOn(LocalDate.of(2027, 8, 15)).handle(new AgreementDetailQuery("sp-1"))
                .orElseThrow();
        assertThat(detail.termsTimeline()).extracting(TermsPeriod::contractNumber, TermsPeriod::effectiveFrom)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 12, 2)),
                        org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2027, 9, 1)),
                        org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2027, 8, 1)),
                        org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2027, 10, 1)));
        assertThat(detail.history().get(detail.history().size() - 1).summary()).doesNotContain("replaces");
    }

    @Test
    @DisplayName("projection is idempotent: redelivering every event, one by one or the whole stream, changes nothing")
    void redeliveryChangesNothing() {
        String id = runFirstContractToInForce();
        deliver(id, new AgreementAmended(id, STANDARD, AMENDED, LocalDate.of(2027, 3, 1), "书架容量调整",
                LocalDate.of(2028, 12, 1)));
        deliver(id, new ObjectionLodged(id, Side.LIBRARY, "馆藏调整", LocalDate.of(2028, 10, 1), LocalDate.of(2028, 12, 1)));
        deliver(id, new AgreementTerminated(id, "sp-1", TerminationReason.EXPIRED_AFTER_OBJECTION, "到期终止",
                LocalDate.of(2028, 12, 2), LocalDate.of(2029, 1, 15)));
        deliver(id, new ReturnPeriodOverdue(id, "sp-1", LocalDate.of(2029, 1, 15), 3));
        deliver(id, new AgreementClosed(id, "sp-1", LocalDate.of(2029, 2, 1)));
        deliver(id, new AgreementDrafted(id, "sp-1", 2, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        deliver(id, new AgreementSigned(id, "sp-1", Side.LIBRARY, "张馆长", LocalDate.of(2029, 3, 5)));
        deliver(id, new AgreementSigned(id, "sp-1", Side.SERVICE_POINT, "王校长", LocalDate.of(2029, 3, 6)));
        deliver(id, new AgreementTookEffect(id, "sp-1", 2, LocalDate.of(2029, 3, 6), LocalDate.of(2031, 3, 5), STANDARD));
        deliver(id, new AgreementContinued(id, "sp-1", LocalDate.of(2031, 3, 6), LocalDate.of(2033, 3, 5)));
        AgreementQueries queries = queriesOn(LocalDate.of(2031, 4, 1));
        AgreementDetail before = queries.handle(new AgreementDetailQuery("sp-1")).orElseThrow();

        for (DomainEventMessage<?> message : events.stream()) {
            redeliver(message);
            redeliver(message);
        }
        events.stream().forEach(this::redeliver);

        assertThat(queries.handle(new AgreementDetailQuery("sp-1")).orElseThrow()).isEqualTo(before);
        assertThat(mongo.getCollection(AgreementDocument.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(before.history()).hasSize(events.stream().size());
        assertThat(before.contractNumber()).isEqualTo(2);
        assertThat(before.validUntil()).isEqualTo(LocalDate.of(2033, 3, 5));
        assertThat(before.termsTimeline()).hasSize(3);
        assertThat(before.version()).isEqualTo(events.stream().size() - 1);
    }

    @Test
    @DisplayName("an agreement event before its AgreementDrafted fails loudly, so the processor retries instead of skipping")
    void updateOfUnknownAgreementIsRetried() {
        String id = AgreementIds.forServicePoint("sp-x");
        assertThatThrownBy(() -> deliver(id, new AgreementSigned(id, "sp-1", Side.LIBRARY, "张馆长", LocalDate.of(2026, 12, 1))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("A.4 expiring: agreements in force ending within N days, soonest first, with days left and objections")
    void expiringAgreements() {
        LocalDate today = LocalDate.of(2027, 1, 15);
        inForce("sp-a", today.minusYears(2).plusDays(11), today.plusDays(10));
        inForce("sp-b", today.minusYears(2).plusDays(46), today.plusDays(45));
        String b = AgreementIds.forServicePoint("sp-b");
        deliver(b, new ObjectionLodged(b, Side.LIBRARY, "馆藏调整", today.minusDays(3), today.plusDays(45)));
        inForce("sp-c", today.minusYears(1), today.plusDays(100));
        inForce("sp-t", today, today);
        String d = AgreementIds.forServicePoint("sp-d");
        deliver(d, new AgreementDrafted(d, "sp-d", 1, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        inForce("sp-e", today.minusYears(2), today.plusDays(5));
        String e = AgreementIds.forServicePoint("sp-e");
        deliver(e, new AgreementTerminated(e, "sp-e", TerminationReason.REVOCATION, "违约", today.minusDays(1),
                today.plusDays(40)));
        AgreementQueries queries = queriesOn(today);

        ExpiringAgreements within30 = queries.handle(new ExpiringAgreementsQuery(30));
        assertThat(within30.today()).isEqualTo(today);
        assertThat(within30.withinDays()).isEqualTo(30);
        assertThat(within30.items()).extracting(ExpiringAgreements.ExpiringAgreement::servicePointId)
                .containsExactly("sp-t", "sp-a");
        assertThat(within30.items().get(0).daysToExpiry()).isZero();
        assertThat(within30.items().get(1)).isEqualTo(new ExpiringAgreements.ExpiringAgreement("agreement-sp-a", "sp-a", 1,
                today.plusDays(10), 10, false, null));

        ExpiringAgreements within60 = queries.handle(new ExpiringAgreementsQuery(60));
        assertThat(within60.items()).extracting(ExpiringAgreements.ExpiringAgreement::servicePointId)
                .containsExactly("sp-t", "sp-a", "sp-b");
        assertThat(within60.items().get(2)).isEqualTo(new ExpiringAgreements.ExpiringAgreement("agreement-sp-b", "sp-b", 1,
                today.plusDays(45), 45, true, Side.LIBRARY));
        assertThat(queries.handle(new ExpiringAgreementsQuery(45)).items()).hasSize(3);
        assertThat(queries.handle(new ExpiringAgreementsQuery(44)).items()).hasSize(2);
        assertThat(queries.handle(new ExpiringAgreementsQuery(3650)).items())
                .extracting(ExpiringAgreements.ExpiringAgreement::servicePointId)
                .containsExactly("sp-t", "sp-a", "sp-b", "sp-c");
        // the next day the one ending today is no longer in force-and-expiring (it continues or terminates)
        assertThat(queriesOn(today.plusDays(1)).handle(new ExpiringAgreementsQuery(30)).items())
                .extracting(ExpiringAgreements.ExpiringAgreement::servicePointId).containsExactly("sp-a");
    }

    @Test
    @DisplayName("A.3 return period: ended agreements with their deadline, working days left (negative when overdue) and books out")
    void returnPeriodAgreements() {
        LocalDate today = LocalDate.of(2029, 1, 10); // a Wednesday
        inForce("sp-r1", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
        String r1 = AgreementIds.forServicePoint("sp-r1");
        deliver(r1, new AgreementTerminated(r1, "sp-r1", TerminationReason.MUTUAL_AGREEMENT, "双方协商",
                LocalDate.of(2028, 12, 20), LocalDate.of(2029, 1, 24)));
        inForce("sp-r2", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
        String r2 = AgreementIds.forServicePoint("sp-r2");
        deliver(r2, new AgreementTerminated(r2, "sp-r2", TerminationReason.REVOCATION, "违约", LocalDate.of(2028, 11, 20),
                LocalDate.of(2029, 1, 8)));
        deliver(r2, new ReturnPeriodOverdue(r2, "sp-r2", LocalDate.of(2029, 1, 8), 37));
        inForce("sp-r3", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
        String r3 = AgreementIds.forServicePoint("sp-r3");
        deliver(r3, new AgreementTerminated(r3, "sp-r3", TerminationReason.REVOCATION, "违约", LocalDate.of(2028, 11, 1),
                LocalDate.of(2028, 12, 13)));
        deliver(r3, new AgreementClosed(r3, "sp-r3", LocalDate.of(2028, 12, 10)));
        inForce("sp-r4", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));

        ReturnPeriodAgreements ended = queriesOn(today).handle(new ReturnPeriodAgreementsQuery());
        assertThat(ended.today()).isEqualTo(today);
        assertThat(ended.items()).containsExactly(
                new ReturnPeriodAgreements.ReturnPeriodAgreement("agreement-sp-r2", "sp-r2", 1, AgreementStatus.RETURN_OVERDUE,
                        TerminationReason.REVOCATION, LocalDate.of(2028, 11, 20), LocalDate.of(2029, 1, 8), -2, 37),
                new ReturnPeriodAgreements.ReturnPeriodAgreement("agreement-sp-r1", "sp-r1", 1, AgreementStatus.RETURN_PERIOD,
                        TerminationReason.MUTUAL_AGREEMENT, LocalDate.of(2028, 12, 20), LocalDate.of(2029, 1, 24), 10, null));
    }

    @Test
    @DisplayName("A.3 working days left are counted on the PRC calendar: National Day 2026 off, Sat 2026-10-10 worked")
    void workingDaysOnThePrcCalendar() {
        WorkingDays days = new CalendarWorkingDays(WorkingDayCalendar.fromClasspath());
        LocalDate wednesday = LocalDate.of(2026, 9, 30);
        assertThat(days.workingDaysLeft(wednesday, wednesday)).isZero();
        // Oct 1–7 off, Oct 8 Thu, Oct 9 Fri, Oct 10 Sat (make-up day), Oct 12 Mon
        assertThat(days.workingDaysLeft(wednesday, LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(days.workingDaysLeft(LocalDate.of(2026, 10, 12), wednesday)).isEqualTo(-4);
        // a weekday stand-in would say 8: the calendar is really used
        assertThat(WEEKDAYS.workingDaysLeft(wednesday, LocalDate.of(2026, 10, 12))).isEqualTo(8);
    }

    /** Monday to Friday: enough for the query logic tested here, with dates beyond the calendar's data. */
    private static final WorkingDays WEEKDAYS = (today, deadline) -> {
        long sign = deadline.isBefore(today) ? -1 : 1;
        LocalDate from = sign > 0 ? today : deadline;
        LocalDate to = sign > 0 ? deadline : today;
        long count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() < 6) {
                count++;
            }
        }
        return sign * count;
    };

    @Test
    @DisplayName("§4.2.2, §4.2.3, A.3, A.4 the setup dashboard counts agreements and cards by status, expiring 30/60/90 days, return period and overdue")
    void setupDashboard() {
        LocalDate today = LocalDate.of(2027, 1, 15);
        inForce("sp-a", today.minusYears(1), today.plusDays(20));
        inForce("sp-b", today.minusYears(1), today.plusDays(50));
        inForce("sp-c", today.minusYears(1), today.plusDays(80));
        inForce("sp-d", today.minusYears(1), today.plusDays(400));
        String e = AgreementIds.forServicePoint("sp-e");
        deliver(e, new AgreementDrafted(e, "sp-e", 1, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        inForce("sp-f", today.minusYears(1), today.plusDays(5));
        String f = AgreementIds.forServicePoint("sp-f");
        deliver(f, new AgreementTerminated(f, "sp-f", TerminationReason.REVOCATION, "违约", today.minusDays(2),
                today.plusDays(40)));
        inForce("sp-g", today.minusYears(2), today.minusDays(60));
        String g = AgreementIds.forServicePoint("sp-g");
        deliver(g, new AgreementTerminated(g, "sp-g", TerminationReason.MUTUAL_AGREEMENT, "协商", today.minusDays(60),
                today.minusDays(10)));
        deliver(g, new ReturnPeriodOverdue(g, "sp-g", today.minusDays(10), 8));
        // the card feature's collection, as its projection writes it (read by name only)
        mongo.getCollection(AgreementQueries.CARD_COLLECTION).insertMany(List.of(
                new Document("_id", "card-sp-a").append("status", "ACTIVE"),
                new Document("_id", "card-sp-b").append("status", "ACTIVE"),
                new Document("_id", "card-sp-f").append("status", "SUSPENDED")));

        SetupDashboard dashboard = queriesOn(today).handle(new SetupDashboardQuery());
        assertThat(dashboard.today()).isEqualTo(today);
        assertThat(dashboard.agreementsByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(
                AgreementStatus.IN_FORCE, 4L, AgreementStatus.DRAFTED, 1L, AgreementStatus.RETURN_PERIOD, 1L,
                AgreementStatus.RETURN_OVERDUE, 1L));
        assertThat(dashboard.cardsByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(
                CardStatus.ACTIVE, 2L, CardStatus.SUSPENDED, 1L));
        assertThat(dashboard.expiringWithin30Days()).isEqualTo(1);
        assertThat(dashboard.expiringWithin60Days()).isEqualTo(2);
        assertThat(dashboard.expiringWithin90Days()).isEqualTo(3);
        assertThat(dashboard.inReturnPeriod()).isEqualTo(1);
        assertThat(dashboard.overdueOnTermination()).isEqualTo(1);
    }

    /** Contract 1 of sp-1 drafted, signed by both, in force 2026-12-02 … 2028-12-01 under the standard terms. */
    private String runFirstContractToInForce() {
        return inForce("sp-1", LocalDate.of(2026, 12, 2), LocalDate.of(2028, 12, 1));
    }

    private String inForce(String servicePointId, LocalDate from, LocalDate until) {
        String id = AgreementIds.forServicePoint(servicePointId);
        deliver(id, new AgreementDrafted(id, servicePointId, 1, STANDARD, RECORDED_LIBRARY, RECORDED_SCHOOL));
        deliver(id, new AgreementSigned(id, "sp-1", Side.LIBRARY, "张馆长", from.minusDays(1)));
        deliver(id, new AgreementSigned(id, "sp-1", Side.SERVICE_POINT, "李校长", from), MANAGER);
        deliver(id, new AgreementTookEffect(id, servicePointId, 1, from, until, STANDARD));
        return id;
    }

    /** The queries as they answer on {@code today} (10:00 in Asia/Shanghai). */
    private AgreementQueries queriesOn(LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(LibraryTime.ZONE).toInstant(), ZoneOffset.UTC);
        return new AgreementQueries(mongo, WEEKDAYS, clock, vault);
    }

    private static RecordedParty recorded(Party party, String subject) {
        return new RecordedParty(party.name(), party.handler(), FakeVault.protectedAs(subject, party.handlerPhone()));
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
