package io.lendpoint.command.operations;

import io.lendpoint.api.operations.AnswerQuestion;
import io.lendpoint.api.operations.AskQuestion;
import io.lendpoint.api.operations.ConsultationChannel;
import io.lendpoint.api.operations.ConsultationOverdue;
import io.lendpoint.api.operations.QuestionAnswered;
import io.lendpoint.api.operations.QuestionAsked;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import io.lendpoint.command.PointStandings;

import static io.lendpoint.command.RuleViolations.violation;

class ConsultationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofHours(24));
    private static final QuestionAsked ASKED = new QuestionAsked("cq-1", "sp-1", ConsultationChannel.PHONE,
            "读者证丢失怎么补办？", "李老师", NOW, DUE);

    private FixtureConfiguration<Consultation> fixture;
    private ServicePointStatus pointStatus = ServicePointStatus.ACTIVE;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
        fixture.registerInjectableResource(PointStandings.of(servicePointId -> pointStatus));
        fixture.registerInjectableResource(new ConsultationPolicy(Duration.ofHours(24)));
    }

    @Test
    @DisplayName("§6.1 a point asks; the answer is due within the service level, watched by a durable deadline")
    void asked() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new AskQuestion("cq-1", "sp-1", ConsultationChannel.PHONE, "读者证丢失怎么补办？", "李老师", null))
                .expectEvents(ASKED)
                .expectScheduledDeadlineWithName(DUE, Consultation.ANSWER_DUE);
    }

    @Test
    @DisplayName("§6.1 answered in time: the response time is recorded, the deadline then changes nothing")
    void answeredInTime() {
        fixture.given(ASKED).andGivenCurrentTime(NOW.plus(Duration.ofMinutes(95)))
                .when(new AnswerQuestion("cq-1", "到总馆服务台补办，押金不退。", "王馆员"))
                .expectEvents(new QuestionAnswered("cq-1", "sp-1", "到总馆服务台补办，押金不退。", "王馆员",
                        NOW.plus(Duration.ofMinutes(95)), 95, true));
        fixture.given(ASKED, new QuestionAnswered("cq-1", "sp-1", "a", "王馆员", NOW.plusSeconds(60), 1, true))
                .whenThenTimeElapses(Duration.ofHours(25))
                .expectNoEvents();
        fixture.given(ASKED, new QuestionAnswered("cq-1", "sp-1", "a", "王馆员", NOW.plusSeconds(60), 1, true))
                .when(new AnswerQuestion("cq-1", "again", "王馆员"))
                .expectException(violation("consultation.answered")).expectNoEvents();
    }

    @Test
    @DisplayName("§6.1 no answer by the due time: the question becomes overdue, and a late answer says so")
    void overdue() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .andGivenCommands(new AskQuestion("cq-1", "sp-1", ConsultationChannel.PHONE, "读者证丢失怎么补办？", "李老师", null))
                .whenThenTimeElapses(Duration.ofHours(24).plusSeconds(1))
                .expectEvents(new ConsultationOverdue("cq-1", "sp-1", DUE));
        fixture.given(ASKED, new ConsultationOverdue("cq-1", "sp-1", DUE)).andGivenCurrentTime(NOW.plus(Duration.ofHours(30)))
                .when(new AnswerQuestion("cq-1", "迟复", "王馆员"))
                .expectEvents(new QuestionAnswered("cq-1", "sp-1", "迟复", "王馆员", NOW.plus(Duration.ofHours(30)), 1800,
                        false));
    }

    @Test
    @DisplayName("§6.1 a phone question logged after its due time is overdue at once; one in the future, from an unknown or a rejected point is refused")
    void loggedLateAndRefusals() {
        Instant yesterday = NOW.minus(Duration.ofHours(30));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new AskQuestion("cq-1", "sp-1", ConsultationChannel.PHONE, "q", "李老师", yesterday))
                .expectEvents(new QuestionAsked("cq-1", "sp-1", ConsultationChannel.PHONE, "q", "李老师", yesterday,
                                yesterday.plus(Duration.ofHours(24))),
                        new ConsultationOverdue("cq-1", "sp-1", yesterday.plus(Duration.ofHours(24))))
                .expectNoScheduledDeadlines();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new AskQuestion("cq-1", "sp-1", ConsultationChannel.PHONE, "q", "李老师", NOW.plusSeconds(3600)))
                .expectException(violation("consultation.asked-in-future")).expectNoEvents();
        pointStatus = null; // no such point
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new AskQuestion("cq-1", "sp-9", ConsultationChannel.ONLINE, "q", "李老师", null))
                .expectException(violation("consultation.point-unknown")).expectNoEvents();
        pointStatus = ServicePointStatus.REJECTED;
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new AskQuestion("cq-1", "sp-1", ConsultationChannel.ONLINE, "q", "李老师", null))
                .expectException(violation("consultation.point-rejected")).expectNoEvents();
    }
}
