package io.lendpoint.command.operations;

import io.lendpoint.api.operations.FeedbackChannel;
import io.lendpoint.api.operations.FeedbackRecorded;
import io.lendpoint.api.operations.FeedbackResolved;
import io.lendpoint.api.operations.FollowUpTaken;
import io.lendpoint.api.operations.RecordFeedback;
import io.lendpoint.api.operations.ResolveFeedback;
import io.lendpoint.api.operations.TakeFollowUpAction;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import io.lendpoint.command.PointStandings;

import static io.lendpoint.command.RuleViolations.violation;

class FeedbackTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final FeedbackRecorded WITH_PROBLEM = new FeedbackRecorded("fb-1", "sp-1",
            FeedbackChannel.PHONE_CALLBACK, DAY, 3, "少儿类图书太少", null, "图书管理员", true);

    private FixtureConfiguration<Feedback> fixture;
    private ServicePointStatus pointStatus = ServicePointStatus.ACTIVE;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
        fixture.registerInjectableResource(PointStandings.of(servicePointId -> pointStatus));
    }

    @Test
    @DisplayName("§6.3 feedback by channel with a satisfaction score; a raised problem stays open")
    void recorded() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RecordFeedback("fb-1", "sp-1", FeedbackChannel.PHONE_CALLBACK, DAY, 3, " 少儿类图书太少 ", null,
                        "图书管理员"))
                .expectEvents(WITH_PROBLEM);
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RecordFeedback("fb-2", "sp-1", FeedbackChannel.MESSAGE, DAY, 5, null, "很满意", null))
                .expectEvents(new FeedbackRecorded("fb-2", "sp-1", FeedbackChannel.MESSAGE, DAY, 5, null, "很满意", null,
                        false));
    }

    @Test
    @DisplayName("§6.3 refused: empty feedback, a future date, a point the library does not serve")
    void refusals() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RecordFeedback("fb-1", "sp-1", FeedbackChannel.MESSAGE, DAY, null, " ", null, null))
                .expectException(violation("feedback.empty")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RecordFeedback("fb-1", "sp-1", FeedbackChannel.MESSAGE, LocalDate.of(2026, 11, 27), 4, null, null, null))
                .expectException(violation("feedback.date-in-future")).expectNoEvents();
        pointStatus = ServicePointStatus.REJECTED;
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new RecordFeedback("fb-1", "sp-1", FeedbackChannel.MESSAGE, DAY, 4, null, null, null))
                .expectException(violation("feedback.point-not-served")).expectNoEvents();
    }

    @Test
    @DisplayName("§6.3 a problem is followed up and resolved once, with the days it took; feedback without a problem has nothing to follow")
    void followUpAndResolve() {
        fixture.given(WITH_PROBLEM).andGivenCurrentTime(NOW)
                .when(new TakeFollowUpAction("fb-1", "补充少儿类图书 200 册", LocalDate.of(2026, 11, 22), "王馆员"))
                .expectEvents(new FollowUpTaken("fb-1", "sp-1", "补充少儿类图书 200 册", LocalDate.of(2026, 11, 22), "王馆员"));
        fixture.given(WITH_PROBLEM).andGivenCurrentTime(NOW)
                .when(new ResolveFeedback("fb-1", "已随下一批次配送", LocalDate.of(2026, 11, 25)))
                .expectEvents(new FeedbackResolved("fb-1", "sp-1", "已随下一批次配送", LocalDate.of(2026, 11, 25), 5));
        fixture.given(WITH_PROBLEM).andGivenCurrentTime(NOW)
                .when(new ResolveFeedback("fb-1", "x", LocalDate.of(2026, 11, 19)))
                .expectException(violation("feedback.date-before-received")).expectNoEvents();
        fixture.given(WITH_PROBLEM, new FeedbackResolved("fb-1", "sp-1", "ok", LocalDate.of(2026, 11, 25), 5))
                .andGivenCurrentTime(NOW)
                .when(new TakeFollowUpAction("fb-1", "again", LocalDate.of(2026, 11, 26), "王馆员"))
                .expectException(violation("feedback.resolved")).expectNoEvents();
        setUp(); // a fixture keeps the identifier of its first aggregate
        fixture.given(new FeedbackRecorded("fb-2", "sp-1", FeedbackChannel.MESSAGE, DAY, 5, null, "很满意", null, false))
                .andGivenCurrentTime(NOW)
                .when(new ResolveFeedback("fb-2", "x", LocalDate.of(2026, 11, 25)))
                .expectException(violation("feedback.no-problem")).expectNoEvents();
    }
}
