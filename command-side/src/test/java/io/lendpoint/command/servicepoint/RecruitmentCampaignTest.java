package io.lendpoint.command.servicepoint;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.servicepoint.CloseRecruitmentCampaign;
import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.PublishRecruitmentCampaign;
import io.lendpoint.api.servicepoint.RecruitmentCampaignClosed;
import io.lendpoint.api.servicepoint.RecruitmentCampaignPublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.lendpoint.command.servicepoint.Applications.NOW;
import static io.lendpoint.command.servicepoint.Applications.TODAY;
import static io.lendpoint.command.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecruitmentCampaignTest {

    private static final String CAMPAIGN = "rc-2027";
    private static final RecruitmentCampaignPublished PUBLISHED = new RecruitmentCampaignPublished(CAMPAIGN,
            "2027 年校园服务点招募", "面向禅城区中小学", TODAY, TODAY.plusDays(60), List.of("禅城区"),
            List.of(InstitutionKind.SCHOOL));

    private FixtureConfiguration<RecruitmentCampaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecruitmentCampaign.class);
    }

    @Test
    @DisplayName("§4.1.1 the library publishes a recruitment campaign")
    void publish() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new PublishRecruitmentCampaign(CAMPAIGN, PUBLISHED.title(), PUBLISHED.description(), TODAY,
                        TODAY.plusDays(60), List.of("禅城区"), List.of(InstitutionKind.SCHOOL)))
                .expectEvents(PUBLISHED);
    }

    @Test
    @DisplayName("§4.1.1 a campaign cannot close before it opens")
    void closesBeforeOpening() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new PublishRecruitmentCampaign(CAMPAIGN, "t", null, TODAY.plusDays(10), TODAY.plusDays(5),
                        List.of(), List.of()))
                .expectException(violation("campaign.closes-before-opening"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.1.1 a campaign cannot be published already past its closing date")
    void closesInThePast() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new PublishRecruitmentCampaign(CAMPAIGN, "t", null, TODAY.minusDays(30), TODAY.minusDays(1),
                        List.of(), List.of()))
                .expectException(violation("campaign.closes-in-past"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.1.1 closing a campaign records the reason and the day; closing twice is refused")
    void close() {
        fixture.given(PUBLISHED).andGivenCurrentTime(NOW)
                .when(new CloseRecruitmentCampaign(CAMPAIGN, "名额已满"))
                .expectEvents(new RecruitmentCampaignClosed(CAMPAIGN, "名额已满", TODAY));
        fixture.given(PUBLISHED, new RecruitmentCampaignClosed(CAMPAIGN, "名额已满", TODAY))
                .when(new CloseRecruitmentCampaign(CAMPAIGN, "again"))
                .expectException(violation("campaign.already-closed"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§4.1.1 an open campaign takes applications of its kinds and districts only, within its dates")
    void acceptsApplications() {
        RecruitmentCampaign campaign = new RecruitmentCampaign();
        campaign.on(PUBLISHED);
        assertThatCode(() -> campaign.checkAcceptsApplication(InstitutionKind.SCHOOL, "禅城区", TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> campaign.checkAcceptsApplication(InstitutionKind.SCHOOL, "禅城区", TODAY.plusDays(60)))
                .doesNotThrowAnyException();
        assertRefused(campaign, InstitutionKind.ENTERPRISE, "禅城区", TODAY, "campaign.kind-not-targeted");
        assertRefused(campaign, InstitutionKind.SCHOOL, "南海区", TODAY, "campaign.district-not-targeted");
        assertRefused(campaign, InstitutionKind.SCHOOL, "禅城区", TODAY.minusDays(1), "campaign.not-yet-open");
        assertRefused(campaign, InstitutionKind.SCHOOL, "禅城区", TODAY.plusDays(61), "campaign.closed");
        campaign.on(new RecruitmentCampaignClosed(CAMPAIGN, "提前结束", TODAY));
        assertRefused(campaign, InstitutionKind.SCHOOL, "禅城区", TODAY, "campaign.closed");
    }

    private static void assertRefused(RecruitmentCampaign campaign, InstitutionKind kind, String district,
                                      LocalDate date, String code) {
        assertThatThrownBy(() -> campaign.checkAcceptsApplication(kind, district, date))
                .isInstanceOfSatisfying(RuleViolation.class, v -> org.assertj.core.api.Assertions.assertThat(v.code())
                        .isEqualTo(code));
    }
}
