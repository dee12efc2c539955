package io.lendpoint.command.operations;

import io.lendpoint.api.operations.ActivityApproved;
import io.lendpoint.api.operations.ActivityCancelled;
import io.lendpoint.api.operations.ActivityHeld;
import io.lendpoint.api.operations.ActivityKind;
import io.lendpoint.api.operations.ActivityProposed;
import io.lendpoint.api.operations.ApproveActivity;
import io.lendpoint.api.operations.Attachment;
import io.lendpoint.api.operations.CancelActivity;
import io.lendpoint.api.operations.ProposeActivity;
import io.lendpoint.api.operations.RecordActivityHeld;
import io.lendpoint.api.servicepoint.ServicePointStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.lendpoint.command.PointStandings;

import static io.lendpoint.command.RuleViolations.violation;

class CooperationActivityTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final ActivityProposed PROPOSED = new ActivityProposed("ac-1", "sp-1", ActivityKind.READING_PROMOTION,
            "亲子共读周", DAY, "周末亲子阅读", "manager");
    private static final ActivityApproved APPROVED = new ActivityApproved("ac-1", "sp-1", List.of("绘本 200 册"));

    private FixtureConfiguration<CooperationActivity> fixture;
    private ServicePointStatus pointStatus = ServicePointStatus.ACTIVE;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CooperationActivity.class);
        fixture.registerInjectableResource(PointStandings.of(servicePointId -> pointStatus));
    }

    @Test
    @DisplayName("§6.4 an activity is proposed for a live point, approved with resources, held with participants and photos")
    void lifecycle() {
        fixture.givenNoPriorActivity()
                .when(new ProposeActivity("ac-1", "sp-1", ActivityKind.READING_PROMOTION, "亲子共读周", DAY, "周末亲子阅读",
                        "manager"))
                .expectEvents(PROPOSED);
        fixture.given(PROPOSED)
                .when(new ApproveActivity("ac-1", List.of("绘本 200 册")))
                .expectEvents(APPROVED);
        List<Attachment> photos = List.of(new Attachment("现场照片", "photos/ac-1/1.jpg"));
        fixture.given(PROPOSED, APPROVED).andGivenCurrentTime(NOW)
                .when(new RecordActivityHeld("ac-1", DAY, 86, List.of("绘本 200 册", "讲师 1 名"), photos))
                .expectEvents(new ActivityHeld("ac-1", "sp-1", DAY, 86, List.of("绘本 200 册", "讲师 1 名"), photos));
    }

    @Test
    @DisplayName("§6.4 refused: a point not approved, holding before approval or in the future, cancelling a held activity")
    void refusals() {
        pointStatus = ServicePointStatus.APPLIED;
        fixture.givenNoPriorActivity()
                .when(new ProposeActivity("ac-1", "sp-1", ActivityKind.TRADE_UNION, "t", DAY, null, "staff"))
                .expectException(violation("activity.point-not-approved")).expectNoEvents();
        fixture.given(PROPOSED).andGivenCurrentTime(NOW)
                .when(new RecordActivityHeld("ac-1", DAY, 10, null, null))
                .expectException(violation("activity.wrong-state")).expectNoEvents();
        fixture.given(PROPOSED, APPROVED).andGivenCurrentTime(NOW)
                .when(new RecordActivityHeld("ac-1", LocalDate.of(2026, 11, 27), 10, null, null))
                .expectException(violation("activity.held-in-future")).expectNoEvents();
        fixture.given(PROPOSED, APPROVED, new ActivityHeld("ac-1", "sp-1", DAY, 10, List.of(), List.of()))
                .when(new CancelActivity("ac-1", "x"))
                .expectException(violation("activity.wrong-state")).expectNoEvents();
        fixture.given(PROPOSED, APPROVED)
                .when(new CancelActivity("ac-1", "场地冲突"))
                .expectEvents(new ActivityCancelled("ac-1", "sp-1", "场地冲突"));
    }
}
