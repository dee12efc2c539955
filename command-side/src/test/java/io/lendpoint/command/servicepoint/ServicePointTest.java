package io.lendpoint.command.servicepoint;

import io.lendpoint.api.agreement.AgreementStanding;
import io.lendpoint.api.agreement.AgreementStatus;
import io.lendpoint.api.card.CardStanding;
import io.lendpoint.api.card.CardStatus;
import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.servicepoint.ActivateServicePoint;
import io.lendpoint.api.servicepoint.ChangeService;
import io.lendpoint.api.servicepoint.OnSiteReadingRecorded;
import io.lendpoint.api.servicepoint.RecordOnSiteReading;
import io.lendpoint.api.servicepoint.ServiceChangeKind;
import io.lendpoint.api.servicepoint.ServiceChanged;
import io.lendpoint.api.servicepoint.CompletePreparationItem;
import io.lendpoint.api.servicepoint.PreparationItem;
import io.lendpoint.api.servicepoint.PreparationItemCompleted;
import io.lendpoint.api.servicepoint.ServicePointActivated;
import io.lendpoint.api.servicepoint.ApplyForServicePoint;
import io.lendpoint.api.servicepoint.ApproveServicePoint;
import io.lendpoint.api.servicepoint.BorrowingPlan;
import io.lendpoint.api.servicepoint.ChangeServicePointContact;
import io.lendpoint.api.servicepoint.NotificationEmailSet;
import io.lendpoint.api.servicepoint.SetNotificationEmail;
import io.lendpoint.api.servicepoint.InspectSite;
import io.lendpoint.api.servicepoint.Institution;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.RejectServicePoint;
import io.lendpoint.api.servicepoint.ContactDataErased;
import io.lendpoint.api.servicepoint.EraseContactData;
import io.lendpoint.api.servicepoint.RecordedContact;
import io.lendpoint.api.servicepoint.ResponsibleContact;
import io.lendpoint.api.servicepoint.SampleApplications;
import io.lendpoint.api.servicepoint.ServicePointApplied;
import io.lendpoint.api.servicepoint.ServicePointApproved;
import io.lendpoint.api.servicepoint.ServicePointContactChanged;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import io.lendpoint.api.servicepoint.ServicePointStanding;
import io.lendpoint.platform.evolution.ContactPhoneUpcaster;
import io.lendpoint.platform.personaldata.FakeVault;
import io.lendpoint.platform.personaldata.LegacyPlaintext;
import io.lendpoint.platform.standing.Standings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.lendpoint.command.RuleViolations.violation;
import static io.lendpoint.command.servicepoint.Applications.CONTACT;
import static io.lendpoint.command.servicepoint.Applications.FIRST_CONTACT;
import static io.lendpoint.command.servicepoint.Applications.RECORDED_CONTACT;
import static io.lendpoint.command.servicepoint.Applications.LICENCE;
import static io.lendpoint.command.servicepoint.Applications.MET;
import static io.lendpoint.command.servicepoint.Applications.NOT_MET;
import static io.lendpoint.command.servicepoint.Applications.NOW;
import static io.lendpoint.command.servicepoint.Applications.POINT;
import static io.lendpoint.command.servicepoint.Applications.SCHOOL;
import static io.lendpoint.command.servicepoint.Applications.SPACE;
import static io.lendpoint.command.servicepoint.Applications.TODAY;
import static io.lendpoint.command.servicepoint.Applications.applied;
import static io.lendpoint.command.servicepoint.Applications.apply;
import static io.lendpoint.command.servicepoint.Applications.inspect;
import static io.lendpoint.command.servicepoint.Applications.inspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class ServicePointTest {

    private FixtureConfiguration<ServicePoint> fixture;
    private final List<String> campaignsAsked = new ArrayList<>();
    private final FakeVault vault = new FakeVault();

    private AgreementStatus agreementStatus = AgreementStatus.IN_FORCE;
    private CardStatus cardStatus = CardStatus.ACTIVE;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServicePoint.class);
        fixture.registerInjectableResource(new Standings() {
            @Override
            public AgreementStanding agreement(String servicePointId) {
                return new AgreementStanding("agreement-" + servicePointId, agreementStatus, null, null);
            }

            @Override
            public CardStanding card(String servicePointId) {
                return new CardStanding("card-" + servicePointId, cardStatus, 2000, 0);
            }
            @Override
            public ServicePointStanding servicePoint(String servicePointId) {
                throw new UnsupportedOperationException("the point does not ask about itself");
            }
        });
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource((RecruitmentCampaigns) (campaignId, kind, district, date) -> {
            campaignsAsked.add(campaignId + "/" + kind + "/" + district + "/" + date);
            if (campaignId.equals("rc-closed")) {
                throw RuleViolation.unprocessable("campaign.closed", "closed", campaignId);
            }
        });
    }

    @Test
    @DisplayName("§4.1.2 a–c, A.2.1 an application records plan, contact, space and qualification")
    void applicationIsRecorded() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(apply(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(applied());
        assertThat(campaignsAsked).isEmpty();
    }

    @Test
    @DisplayName("§4.1.1 an application answering a campaign is checked against that campaign on the day")
    void applicationAnsweringACampaignAsksTheCampaign() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(apply("rc-open"))
                .expectEvents(new ServicePointApplied(POINT, "rc-open", SCHOOL, Applications.PLAN, RECORDED_CONTACT,
                        SPACE, LICENCE));
        assertThat(campaignsAsked).containsExactly("rc-open/SCHOOL/禅城区/" + TODAY);
    }

    @Test
    @DisplayName("§4.1.1 an application to a closed campaign is refused and nothing is stored")
    void applicationToClosedCampaignIsRefused() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(apply("rc-closed"))
                .expectException(violation("campaign.closed"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.1.2 a the planned return must come after the planned first borrowing")
    void planMustReturnAfterBorrowing() {
        BorrowingPlan backwards = new BorrowingPlan(800, List.of("I"), "每学期", LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 2, 1));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new ApplyForServicePoint(POINT, null, SCHOOL, backwards, CONTACT, SPACE, LICENCE))
                .expectException(violation("servicepoint.plan.return-before-borrowing"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.2.1 an inspection meeting a, b and c passes")
    void inspectionMeetingAllConditionsPasses() {
        fixture.given(applied()).andGivenCurrentTime(NOW)
                .when(inspect(MET, MET, MET))
                .expectEvents(inspected(1, MET, MET, MET));
    }

    @Test
    @DisplayName("§4.2.1 an inspection failing any one condition fails")
    void inspectionFailingOneConditionFails() {
        fixture.given(applied()).andGivenCurrentTime(NOW)
                .when(inspect(MET, MET, NOT_MET))
                .expectEvents(inspected(1, MET, MET, NOT_MET));
    }

    @Test
    @DisplayName("§4.2.1 an inspection cannot be dated in the future")
    void inspectionCannotBeInTheFuture() {
        fixture.given(applied()).andGivenCurrentTime(NOW)
                .when(new InspectSite(POINT, TODAY.plusDays(1), "王馆员", MET, MET, MET, null))
                .expectException(violation("servicepoint.inspection.in-future"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.2.1 approval refused without passing inspection")
    void approvalRefusedWithoutInspection() {
        fixture.given(applied())
                .when(new ApproveServicePoint(POINT, null))
                .expectException(violation("servicepoint.approval-requires-passed-inspection"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.2.1 approval refused when the latest inspection failed")
    void approvalRefusedAfterFailedInspection() {
        fixture.given(applied(), inspected(1, MET, NOT_MET, MET))
                .when(new ApproveServicePoint(POINT, null))
                .expectException(violation("servicepoint.approval-requires-passed-inspection"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.2.1 a passed inspection followed by a failed re-inspection no longer allows approval")
    void laterFailedInspectionWithdrawsThePass() {
        fixture.given(applied(), inspected(1, MET, MET, MET), inspected(2, NOT_MET, MET, MET))
                .when(new ApproveServicePoint(POINT, null))
                .expectException(violation("servicepoint.approval-requires-passed-inspection"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.2.1 re-inspection after a failed one is allowed and numbered")
    void reinspectionAfterFailureIsAllowed() {
        fixture.given(applied(), inspected(1, MET, NOT_MET, MET)).andGivenCurrentTime(NOW)
                .when(inspect(MET, MET, MET))
                .expectEvents(inspected(2, MET, MET, MET));
    }

    @Test
    @DisplayName("§4.2.2 approval after a passing inspection names that inspection")
    void approvalAfterPassingInspection() {
        fixture.given(applied(), inspected(1, MET, NOT_MET, MET), inspected(2, MET, MET, MET))
                .when(new ApproveServicePoint(POINT, "条件具备"))
                .expectEvents(new ServicePointApproved(POINT, 2, "条件具备"));
    }

    @Test
    @DisplayName("§4.2.2 an approved point cannot be approved, rejected or inspected again")
    void decidedPointIsFinal() {
        fixture.given(applied(), inspected(1, MET, MET, MET), new ServicePointApproved(POINT, 1, null))
                .when(new RejectServicePoint(POINT, "改变主意"))
                .expectException(violation("servicepoint.already-decided"))
                .expectNoEvents();
        fixture.given(applied(), inspected(1, MET, MET, MET), new ServicePointApproved(POINT, 1, null))
                .when(new ApproveServicePoint(POINT, null))
                .expectException(violation("servicepoint.already-decided"));
        fixture.given(applied(), inspected(1, MET, MET, MET), new ServicePointApproved(POINT, 1, null))
                .andGivenCurrentTime(NOW)
                .when(inspect(MET, MET, MET))
                .expectException(violation("servicepoint.already-decided"));
    }

    @Test
    @DisplayName("§4.2 rejection records the reason; a rejected point cannot be approved")
    void rejection() {
        fixture.given(applied())
                .when(new RejectServicePoint(POINT, "无专门场所"))
                .expectEvents(new ServicePointRejected(POINT, "无专门场所"));
        fixture.given(applied(), inspected(1, MET, MET, MET), new ServicePointRejected(POINT, "无专门场所"))
                .when(new ApproveServicePoint(POINT, null))
                .expectException(violation("servicepoint.already-decided"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.1.2 b, A.6 a change of the responsible person is an event with before and after, each phone under the key of its own appointment")
    void contactChangeIsAnEvent() {
        ResponsibleContact next = new ResponsibleContact("陈老师", "0757-83001234");
        fixture.given(applied())
                .when(new ChangeServicePointContact(POINT, next, "李老师调岗"))
                .expectEvents(new ServicePointContactChanged(POINT, RECORDED_CONTACT, second(next), "李老师调岗"));
        assertThat(vault.protectedPlaintexts).containsExactly("0757-83001234");
    }

    @Test
    @DisplayName("A.6 an application protects the contact's phone: the event never carries it in plaintext")
    void applicationProtectsThePhone() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(apply(null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        new CustomTypeSafeMatcher<ServicePointApplied>("an application with the phone protected") {
                            @Override
                            protected boolean matchesSafely(ServicePointApplied event) {
                                return event.contact().subjectId().equals(FIRST_CONTACT)
                                        && !event.contact().phone().ciphertext().contains(CONTACT.phone());
                            }
                        }, andNoMore())));
        assertThat(vault.protectedPlaintexts).containsExactly(CONTACT.phone());
    }

    @Test
    @DisplayName("§4.1.2 b the same name with a new phone is a change of contact")
    void newPhoneIsAChange() {
        ResponsibleContact samePersonNewPhone = new ResponsibleContact(CONTACT.name(), "13900139000");
        fixture.given(applied())
                .when(new ChangeServicePointContact(POINT, samePersonNewPhone, "换号"))
                .expectEvents(new ServicePointContactChanged(POINT, RECORDED_CONTACT, second(samePersonNewPhone),
                        "换号"));
    }

    @Test
    @DisplayName("A.6 a former contact's phone is erased on request: the key goes, the event records it, and again is nothing new")
    void formerContactIsErased() {
        ResponsibleContact next = new ResponsibleContact("陈老师", "0757-83001234");
        fixture.given(applied(), new ServicePointContactChanged(POINT, RECORDED_CONTACT, second(next), "调岗"))
                .when(new EraseContactData(POINT, FIRST_CONTACT, "本人申请删除"))
                .expectEvents(new ContactDataErased(POINT, FIRST_CONTACT, "本人申请删除"));
        assertThat(vault.erased).containsExactly(FIRST_CONTACT);
        fixture.given(applied(), new ServicePointContactChanged(POINT, RECORDED_CONTACT, second(next), "调岗"),
                        new ContactDataErased(POINT, FIRST_CONTACT, "本人申请删除"))
                .when(new EraseContactData(POINT, FIRST_CONTACT, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("A.6, §4.1.2 b the current contact's phone cannot be erased: the point must stay reachable")
    void currentContactIsNotErased() {
        fixture.given(applied())
                .when(new EraseContactData(POINT, FIRST_CONTACT, "本人申请删除"))
                .expectException(violation("servicepoint.contact-current"))
                .expectNoEvents();
        assertThat(vault.erased).isEmpty();
    }

    @Test
    @DisplayName("A.6 erasing a subject that is no contact of the point is refused and erases nothing")
    void unknownSubjectIsNotErased() {
        fixture.given(applied())
                .when(new EraseContactData(POINT, "card-holder-1", "误操作"))
                .expectException(violation("servicepoint.contact-unknown"))
                .expectNoEvents();
        assertThat(vault.erased).isEmpty();
    }

    @Test
    @DisplayName("A.6 a contact named in an event stored before phones were protected can be erased once replaced")
    void legacyContactIsErased() {
        String legacy = ContactPhoneUpcaster.legacySubject(POINT, CONTACT.name());
        RecordedContact old = new RecordedContact(CONTACT.name(), LegacyPlaintext.of(legacy, CONTACT.phone()));
        ResponsibleContact next = new ResponsibleContact("陈老师", "0757-83001234");
        fixture.given(SampleApplications.applied(POINT, old.phone()),
                        new ServicePointContactChanged(POINT, old, second(next), "调岗"))
                .when(new EraseContactData(POINT, legacy, "本人申请删除"))
                .expectEvents(new ContactDataErased(POINT, legacy, "本人申请删除"));
    }

    private static RecordedContact second(ResponsibleContact contact) {
        return new RecordedContact(contact.name(), FakeVault.protectedAs(RecordedContact.subjectOf(POINT, 2), contact.phone()));
    }

    @Test
    @DisplayName("§4.1.2 b naming the current contact again records nothing")
    void unchangedContactRecordsNothing() {
        fixture.given(applied())
                .when(new ChangeServicePointContact(POINT, CONTACT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.2 a rejected point's contact cannot change")
    void rejectedPointContactIsFrozen() {
        fixture.given(applied(), new ServicePointRejected(POINT, "不符合"))
                .when(new ChangeServicePointContact(POINT, new ResponsibleContact("陈老师", "13900139000"), null))
                .expectException(violation("servicepoint.rejected"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§5.4.1 a point sets, changes and removes the mailbox its notices are e-mailed to; the same again records nothing")
    void notificationEmail() {
        fixture.given(applied())
                .when(new SetNotificationEmail(POINT, " library@school.example "))
                .expectEvents(new NotificationEmailSet(POINT, null, "library@school.example"));
        fixture.given(applied(), new NotificationEmailSet(POINT, null, "library@school.example"))
                .when(new SetNotificationEmail(POINT, "library@school.example"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(applied(), new NotificationEmailSet(POINT, null, "library@school.example"))
                .when(new SetNotificationEmail(POINT, null))
                .expectEvents(new NotificationEmailSet(POINT, "library@school.example", null));
        fixture.given(applied(), new ServicePointRejected(POINT, "不符合"))
                .when(new SetNotificationEmail(POINT, "library@school.example"))
                .expectException(violation("servicepoint.rejected")).expectNoEvents();
    }

    @Test
    @DisplayName("§3.1 every kind of institution may apply")
    void everyKindMayApply() {
        for (InstitutionKind kind : InstitutionKind.values()) {
            Institution institution = SampleApplications.institution("单位", kind, "禅城区");
            fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                    .when(new ApplyForServicePoint(POINT, null, institution, Applications.PLAN, CONTACT, SPACE, LICENCE))
                    .expectEvents(new ServicePointApplied(POINT, null, institution, Applications.PLAN,
                            RECORDED_CONTACT, SPACE, LICENCE));
        }
    }

    private static Object[] approvedAndPrepared(PreparationItem... items) {
        List<Object> events = new ArrayList<>(List.of(applied(), inspected(1, MET, MET, MET),
                new ServicePointApproved(POINT, 1, null)));
        for (PreparationItem item : items) {
            events.add(new PreparationItemCompleted(POINT, item, TODAY, null));
        }
        return events.toArray();
    }

    @Test
    @DisplayName("§4.3 preparation items are recorded after approval, with date and note; repeating one records nothing")
    void preparation() {
        fixture.given(approvedAndPrepared()).andGivenCurrentTime(NOW)
                .when(new CompletePreparationItem(POINT, PreparationItem.STAFF_TRAINING, TODAY, "培训 2 名管理员"))
                .expectEvents(new PreparationItemCompleted(POINT, PreparationItem.STAFF_TRAINING, TODAY, "培训 2 名管理员"));
        fixture.given(approvedAndPrepared(PreparationItem.STAFF_TRAINING)).andGivenCurrentTime(NOW)
                .when(new CompletePreparationItem(POINT, PreparationItem.STAFF_TRAINING, TODAY, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(applied()).andGivenCurrentTime(NOW)
                .when(new CompletePreparationItem(POINT, PreparationItem.SITE_SELECTION, TODAY, null))
                .expectException(violation("servicepoint.not-approved"))
                .expectNoEvents();
        fixture.given(approvedAndPrepared()).andGivenCurrentTime(NOW)
                .when(new CompletePreparationItem(POINT, PreparationItem.SITE_SELECTION, TODAY.plusDays(1), null))
                .expectException(violation("servicepoint.preparation.in-future"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.3 the point goes live once preparation is complete, the agreement in force and the card active")
    void activation() {
        fixture.given(approvedAndPrepared(PreparationItem.values())).andGivenCurrentTime(NOW)
                .when(new ActivateServicePoint(POINT))
                .expectEvents(new ServicePointActivated(POINT, "agreement-" + POINT, "card-" + POINT, TODAY));
        fixture.given(approvedAndPrepared(PreparationItem.values()))
                .andGiven(new ServicePointActivated(POINT, "agreement-" + POINT, "card-" + POINT, TODAY))
                .when(new ActivateServicePoint(POINT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.3 no activation with preparation incomplete, the agreement not in force, or no active card")
    void activationRefused() {
        fixture.given(approvedAndPrepared(PreparationItem.SITE_SELECTION, PreparationItem.STAFF_TRAINING))
                .when(new ActivateServicePoint(POINT))
                .expectException(violation("servicepoint.preparation-incomplete"))
                .expectNoEvents();
        agreementStatus = AgreementStatus.DRAFTED;
        fixture.given(approvedAndPrepared(PreparationItem.values()))
                .when(new ActivateServicePoint(POINT))
                .expectException(violation("servicepoint.agreement-not-in-force"))
                .expectNoEvents();
        agreementStatus = AgreementStatus.IN_FORCE;
        cardStatus = CardStatus.SUSPENDED;
        fixture.given(approvedAndPrepared(PreparationItem.values()))
                .when(new ActivateServicePoint(POINT))
                .expectException(violation("servicepoint.card-not-active"))
                .expectNoEvents();
        fixture.given(applied())
                .when(new ActivateServicePoint(POINT))
                .expectException(violation("servicepoint.not-approved"))
                .expectNoEvents();
    }


    @Test
    @DisplayName("§5.3.2 a live point changes its service hours or content; §5.3.1 on-site reading is counted; not before going live")
    void serviceChangesAndReading() {
        Object[] live = approvedAndPrepared(PreparationItem.values());
        List<Object> events = new ArrayList<>(List.of(live));
        events.add(new ServicePointActivated(POINT, "agreement-" + POINT, "card-" + POINT, TODAY));
        fixture.given(events.toArray())
                .when(new ChangeService(POINT, ServiceChangeKind.HOURS, "周三下午延长至 18:00", TODAY))
                .expectEvents(new ServiceChanged(POINT, ServiceChangeKind.HOURS, "周三下午延长至 18:00", TODAY));
        fixture.given(events.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordOnSiteReading(POINT, TODAY, 3, 45))
                .expectEvents(new OnSiteReadingRecorded(POINT, TODAY, 3, 45));
        fixture.given(events.toArray()).andGivenCurrentTime(NOW)
                .when(new RecordOnSiteReading(POINT, TODAY.plusDays(1), 3, 45))
                .expectException(violation("servicepoint.reading-in-future")).expectNoEvents();
        fixture.given(live)
                .when(new ChangeService(POINT, ServiceChangeKind.CONTENT, "增加绘本区", TODAY))
                .expectException(violation("servicepoint.not-live")).expectNoEvents();
    }
}
