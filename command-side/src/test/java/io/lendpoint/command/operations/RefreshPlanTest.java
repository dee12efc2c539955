package io.lendpoint.command.operations;

import io.lendpoint.api.operations.RecordRefresh;
import io.lendpoint.api.operations.RefreshCarriedOut;
import io.lendpoint.api.operations.RefreshDue;
import io.lendpoint.api.operations.RefreshMissed;
import io.lendpoint.api.operations.RefreshScheduleSet;
import io.lendpoint.api.operations.SetRefreshSchedule;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.lendpoint.command.PointStandings;

import static io.lendpoint.command.RuleViolations.violation;

class RefreshPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final RefreshScheduleSet SET = new RefreshScheduleSet("refresh-sp-1", "sp-1", 6, DUE, 14);

    private FixtureConfiguration<RefreshPlan> fixture;
    private ServicePointStatus pointStatus = ServicePointStatus.ACTIVE;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RefreshPlan.class);
        fixture.registerInjectableResource(PointStandings.of(servicePointId -> pointStatus));
        fixture.registerInjectableResource(new RefreshPolicy(14));
    }

    @Test
    @DisplayName("§6.2 a live point's books are refreshed every N months: due on its date, missed after the grace days")
    void dueThenMissed() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new SetRefreshSchedule("refresh-sp-1", "sp-1", 6, DUE))
                .expectEvents(SET)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-30T16:00:00Z"), RefreshPlan.DUE);
        setUp();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .andGivenCommands(new SetRefreshSchedule("refresh-sp-1", "sp-1", 6, DUE))
                .whenThenTimeElapses(Duration.ofDays(6))
                .expectEvents(new RefreshDue("refresh-sp-1", "sp-1", DUE));
        setUp();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .andGivenCommands(new SetRefreshSchedule("refresh-sp-1", "sp-1", 6, DUE))
                .whenThenTimeElapses(Duration.ofDays(21))
                .expectEvents(new RefreshDue("refresh-sp-1", "sp-1", DUE), new RefreshMissed("refresh-sp-1", "sp-1", DUE));
    }

    @Test
    @DisplayName("§6.2 carried out within the grace days is on time, later is not; the next one is due a period after this due date")
    void carriedOut() {
        fixture.given(SET).andGivenCurrentTime(Instant.parse("2026-12-10T02:00:00Z"))
                .when(new RecordRefresh("refresh-sp-1", LocalDate.of(2026, 12, 10), "b-new", null))
                .expectEvents(new RefreshCarriedOut("refresh-sp-1", "sp-1", DUE, LocalDate.of(2026, 12, 10), true, "b-new",
                        null, LocalDate.of(2027, 6, 1)));
        setUp(); // a fresh deadline manager, to start at another time
        fixture.given(SET, new RefreshMissed("refresh-sp-1", "sp-1", DUE)).andGivenCurrentTime(Instant.parse("2027-01-05T02:00:00Z"))
                .when(new RecordRefresh("refresh-sp-1", LocalDate.of(2027, 1, 5), null, "迟了"))
                .expectEvents(new RefreshCarriedOut("refresh-sp-1", "sp-1", DUE, LocalDate.of(2027, 1, 5), false, null,
                        "迟了", LocalDate.of(2027, 6, 1)));
    }

    @Test
    @DisplayName("§6.2 refused: a point not live, a due date in the past, another point's plan id, a refresh in the future")
    void refusals() {
        pointStatus = ServicePointStatus.APPROVED;
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new SetRefreshSchedule("refresh-sp-1", "sp-1", 6, DUE))
                .expectException(violation("refresh.point-not-live")).expectNoEvents();
        pointStatus = ServicePointStatus.ACTIVE;
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new SetRefreshSchedule("refresh-sp-1", "sp-1", 6, LocalDate.of(2026, 11, 1)))
                .expectException(violation("refresh.due-in-past")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new SetRefreshSchedule("refresh-sp-1", "sp-2", 6, DUE))
                .expectException(violation("refresh.plan-id-mismatch")).expectNoEvents();
        fixture.given(SET).andGivenCurrentTime(NOW)
                .when(new RecordRefresh("refresh-sp-1", LocalDate.of(2026, 11, 27), null, null))
                .expectException(violation("refresh.carried-out-in-future")).expectNoEvents();
        fixture.given(SET).andGivenCurrentTime(NOW)
                .when(new SetRefreshSchedule("refresh-sp-1", "sp-1", 6, DUE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
