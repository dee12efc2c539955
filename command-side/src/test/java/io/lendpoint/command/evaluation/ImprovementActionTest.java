package io.lendpoint.command.evaluation;

import io.lendpoint.api.evaluation.CompleteImprovement;
import io.lendpoint.api.evaluation.DropImprovement;
import io.lendpoint.api.evaluation.ImprovementCompleted;
import io.lendpoint.api.evaluation.ImprovementDropped;
import io.lendpoint.api.evaluation.ImprovementOverdue;
import io.lendpoint.api.evaluation.ImprovementPlanned;
import io.lendpoint.api.evaluation.PlanImprovement;
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

class ImprovementActionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    private static final PlanImprovement PLAN = new PlanImprovement("ia-1", "sp-1", LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 30), "collection.turnover", "利用率 0.4，全市倒数第三", "调整书目结构，增加少儿类",
            "王馆员", DUE);
    private static final ImprovementPlanned PLANNED = new ImprovementPlanned("ia-1", "sp-1", LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 30), "collection.turnover", "利用率 0.4，全市倒数第三", "调整书目结构，增加少儿类",
            "王馆员", DUE);

    private FixtureConfiguration<ImprovementAction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImprovementAction.class);
        fixture.registerInjectableResource(PointStandings.of(servicePointId -> ServicePointStatus.ACTIVE));
    }

    @Test
    @DisplayName("§7.2 an action on a finding has an owner and a due date; still open after it, it is overdue")
    void plannedThenOverdue() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(PLAN)
                .expectEvents(PLANNED)
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-31T16:00:00Z"), ImprovementAction.DUE);
        setUp(); // a fresh deadline manager, to start at NOW again
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).andGivenCommands(PLAN)
                .whenThenTimeElapses(Duration.ofDays(36))
                .expectEvents(new ImprovementOverdue("ia-1", "sp-1", DUE));
    }

    @Test
    @DisplayName("§7.2 completed with its outcome (late when after the due date), or dropped; then it no longer changes")
    void completedOrDropped() {
        fixture.given(PLANNED).andGivenCurrentTime(NOW)
                .when(new CompleteImprovement("ia-1", "少儿类增加 300 册，借阅量上升 40%", LocalDate.of(2026, 11, 25)))
                .expectEvents(new ImprovementCompleted("ia-1", "sp-1", "少儿类增加 300 册，借阅量上升 40%",
                        LocalDate.of(2026, 11, 25), false));
        fixture.given(PLANNED).andGivenCurrentTime(Instant.parse("2027-01-05T02:00:00Z"))
                .when(new CompleteImprovement("ia-1", "done", LocalDate.of(2027, 1, 4)))
                .expectEvents(new ImprovementCompleted("ia-1", "sp-1", "done", LocalDate.of(2027, 1, 4), true));
        fixture.given(PLANNED)
                .when(new DropImprovement("ia-1", "服务点撤销"))
                .expectEvents(new ImprovementDropped("ia-1", "sp-1", "服务点撤销"));
        fixture.given(PLANNED, new ImprovementDropped("ia-1", "sp-1", "x")).andGivenCurrentTime(NOW)
                .when(new CompleteImprovement("ia-1", "done", LocalDate.of(2026, 11, 25)))
                .expectException(violation("improvement.not-open")).expectNoEvents();
        fixture.given(PLANNED, new ImprovementCompleted("ia-1", "sp-1", "done", LocalDate.of(2026, 11, 25), false))
                .whenThenTimeElapses(Duration.ofDays(60))
                .expectNoEvents();
    }

    @Test
    @DisplayName("§7.2 refused: a due date in the past, a reversed period, a completion in the future")
    void refusals() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new PlanImprovement("ia-1", "sp-1", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30),
                        "collection.turnover", "f", "a", "o", LocalDate.of(2026, 11, 1)))
                .expectException(violation("improvement.due-in-past")).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(new PlanImprovement("ia-1", "sp-1", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 7, 1),
                        "collection.turnover", "f", "a", "o", DUE))
                .expectException(violation("improvement.period-reversed")).expectNoEvents();
        fixture.given(PLANNED).andGivenCurrentTime(NOW)
                .when(new CompleteImprovement("ia-1", "done", LocalDate.of(2026, 11, 27)))
                .expectException(violation("improvement.completed-in-future")).expectNoEvents();
    }
}
