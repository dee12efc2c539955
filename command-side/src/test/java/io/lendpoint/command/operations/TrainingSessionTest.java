package io.lendpoint.command.operations;

import io.lendpoint.api.operations.Attendee;
import io.lendpoint.api.operations.CancelTraining;
import io.lendpoint.api.operations.RecordTrainingHeld;
import io.lendpoint.api.operations.ScheduleTraining;
import io.lendpoint.api.operations.TrainingCancelled;
import io.lendpoint.api.operations.TrainingHeld;
import io.lendpoint.api.operations.TrainingKind;
import io.lendpoint.api.operations.TrainingMaterial;
import io.lendpoint.api.operations.TrainingScheduled;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.lendpoint.command.PointStandings;

import static io.lendpoint.command.RuleViolations.violation;

class TrainingSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final List<TrainingMaterial> SLIDES = List.of(new TrainingMaterial("集体外借操作手册", "docs/manual-v2.pdf"));
    private static final TrainingScheduled SCHEDULED = new TrainingScheduled("tr-1", "图书流通与盘点", TrainingKind.INITIAL,
            DAY, "王馆员", List.of("sp-1", "sp-2"), SLIDES);

    private FixtureConfiguration<TrainingSession> fixture;
    private final Map<String, ServicePointStatus> points = new java.util.HashMap<>(Map.of(
            "sp-1", ServicePointStatus.APPROVED, "sp-2", ServicePointStatus.ACTIVE, "sp-3", ServicePointStatus.APPLIED));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrainingSession.class);
        fixture.registerInjectableResource(PointStandings.of(servicePointId -> points.get(servicePointId)));
    }

    @Test
    @DisplayName("§6.1, A.1.4 the library plans a training for approved and live points (each named once)")
    void scheduled() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleTraining("tr-1", "图书流通与盘点", TrainingKind.INITIAL, DAY, "王馆员",
                        List.of("sp-1", "sp-2", "sp-1"), SLIDES))
                .expectEvents(SCHEDULED);
        fixture.givenNoPriorActivity()
                .when(new ScheduleTraining("tr-1", "t", TrainingKind.FOLLOW_UP, DAY, "王馆员", List.of("sp-1", "sp-3"), null))
                .expectException(violation("training.point-not-approved")).expectNoEvents();
    }

    @Test
    @DisplayName("§6.1, A.1.4 held with attendees from the invited points only, each once, not in the future")
    void held() {
        List<Attendee> attendees = List.of(new Attendee("sp-1", "李老师", "图书管理员"), new Attendee("sp-2", "陈老师", null));
        fixture.given(SCHEDULED).andGivenCurrentTime(NOW)
                .when(new RecordTrainingHeld("tr-1", DAY, attendees, null))
                .expectEvents(new TrainingHeld("tr-1", DAY, attendees, null));
        fixture.given(SCHEDULED).andGivenCurrentTime(NOW)
                .when(new RecordTrainingHeld("tr-1", DAY, List.of(new Attendee("sp-3", "赵老师", null)), null))
                .expectException(violation("training.attendee-not-invited")).expectNoEvents();
        fixture.given(SCHEDULED).andGivenCurrentTime(NOW)
                .when(new RecordTrainingHeld("tr-1", DAY, List.of(new Attendee("sp-1", "李老师", null),
                        new Attendee("sp-1", "李老师", "管理员")), null))
                .expectException(violation("training.attendee-repeated")).expectNoEvents();
        fixture.given(SCHEDULED).andGivenCurrentTime(NOW)
                .when(new RecordTrainingHeld("tr-1", LocalDate.of(2026, 11, 27), attendees, null))
                .expectException(violation("training.held-in-future")).expectNoEvents();
    }

    @Test
    @DisplayName("§6.1 a planned training is called off with a reason; one held or called off cannot be either again")
    void cancelled() {
        fixture.given(SCHEDULED)
                .when(new CancelTraining("tr-1", "台风停课"))
                .expectEvents(new TrainingCancelled("tr-1", "台风停课"));
        fixture.given(SCHEDULED, new TrainingCancelled("tr-1", "台风停课")).andGivenCurrentTime(NOW)
                .when(new RecordTrainingHeld("tr-1", DAY, List.of(new Attendee("sp-1", "李老师", null)), null))
                .expectException(violation("training.not-scheduled")).expectNoEvents();
        fixture.given(SCHEDULED, new TrainingHeld("tr-1", DAY, List.of(new Attendee("sp-1", "李老师", null)), null))
                .when(new CancelTraining("tr-1", "x"))
                .expectException(violation("training.not-scheduled")).expectNoEvents();
    }
}
