package io.lendpoint.query.operations;

import io.lendpoint.api.operations.ConsultationChannel;
import io.lendpoint.api.operations.ConsultationDetailQuery;
import io.lendpoint.api.operations.ConsultationListQuery;
import io.lendpoint.api.operations.ConsultationOverdue;
import io.lendpoint.api.operations.ConsultationView;
import io.lendpoint.api.operations.QuestionAnswered;
import io.lendpoint.api.operations.QuestionAsked;
import io.lendpoint.query.InMemoryMongo;
import io.lendpoint.query.ProjectionFixture;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo();
    private ConsultationProjection projection;
    private ProjectionFixture events;

    @BeforeEach
    void start() {
        projection = new ConsultationProjection(store.template("consultation-test"));
        events = new ProjectionFixture(projection, "Consultation");
    }

    private void asked(String id, String point, Instant at) {
        events.deliver(id, new QuestionAsked(id, point, ConsultationChannel.PHONE, "问题 " + id, "李老师", at,
                at.plus(Duration.ofHours(24))), MetaData.emptyInstance());
    }

    @Test
    @DisplayName("§6.1 open questions oldest first, overdue ones apart, answered ones with their response time; redelivery changes nothing")
    void openOverdueAnswered() {
        asked("c1", "sp-1", T0);
        asked("c2", "sp-1", T0.plus(Duration.ofHours(1)));
        asked("c3", "sp-2", T0.plus(Duration.ofHours(2)));
        events.deliver("c1", new ConsultationOverdue("c1", "sp-1", T0.plus(Duration.ofHours(24))), MetaData.emptyInstance());
        events.deliver("c2", new QuestionAnswered("c2", "sp-1", "答复", "王馆员", T0.plus(Duration.ofHours(3)), 120, true),
                MetaData.emptyInstance());
        events.stream().forEach(events::redeliver);

        assertThat(projection.handle(new ConsultationListQuery(null, true, false, 0, 10)).items())
                .extracting(ConsultationView::consultationId).containsExactly("c1", "c3");
        assertThat(projection.handle(new ConsultationListQuery(null, false, true, 0, 10)).items())
                .extracting(ConsultationView::consultationId).containsExactly("c1");
        assertThat(projection.handle(new ConsultationListQuery("sp-1", false, false, 0, 10)).items())
                .extracting(ConsultationView::consultationId).containsExactly("c2", "c1");
        ConsultationView answered = projection.handle(new ConsultationDetailQuery("c2")).orElseThrow();
        assertThat(answered.responseMinutes()).isEqualTo(120);
        assertThat(answered.withinServiceLevel()).isTrue();
        assertThat(answered.version()).isEqualTo(1);
    }
}
