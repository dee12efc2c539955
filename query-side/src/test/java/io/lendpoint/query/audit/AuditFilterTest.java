package io.lendpoint.query.audit;

import io.lendpoint.api.audit.AuditMetadata;
import io.lendpoint.api.loanbatch.BatchOverdue;
import io.lendpoint.api.servicepoint.ServicePointRejected;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFilterTest {

    private static EventMessage<?> event(String aggregateId, Object payload, String user) {
        return new GenericDomainEventMessage<>("Any", aggregateId, 0, payload,
                user == null ? MetaData.emptyInstance() : MetaData.with(AuditMetadata.USER, user));
    }

    @Test
    @DisplayName("issue 7: the audit search takes a point's events by its aggregate or by the point its payload names, "
            + "by user and by type, every criterion together")
    void criteria() {
        EventMessage<?> rejected = event("sp-1", new ServicePointRejected("sp-1", "不符合"), "staff");
        EventMessage<?> overdue = event("b-7", new BatchOverdue("b-7", "sp-1", LocalDate.of(2026, 5, 1), 30), "system");

        assertThat(new AuditFilter(null, null, null).matches(rejected)).isTrue();
        assertThat(new AuditFilter(null, "sp-1", null).matches(rejected)).as("the point's own aggregate").isTrue();
        assertThat(new AuditFilter(null, "sp-1", null).matches(overdue)).as("the payload names the point").isTrue();
        assertThat(new AuditFilter(null, "sp-2", null).matches(overdue)).isFalse();
        assertThat(new AuditFilter("staff", "sp-1", null).matches(rejected)).isTrue();
        assertThat(new AuditFilter("staff", "sp-1", null).matches(overdue)).as("another user").isFalse();
        assertThat(new AuditFilter(null, null, "BatchOverdue").matches(overdue)).isTrue();
        assertThat(new AuditFilter(null, "sp-1", "BatchOverdue").matches(rejected)).as("another type").isFalse();
        assertThat(new AuditFilter("staff", null, null).matches(event("sp-1", new ServicePointRejected("sp-1", "x"),
                null))).as("no user recorded").isFalse();
    }

    @Test
    @DisplayName("a payload that is not a record, or names no point, matches a point only by its aggregate")
    void payloadsWithoutPoint() {
        assertThat(new AuditFilter(null, "sp-1", null).matches(GenericEventMessage.asEventMessage("sp-1"))).isFalse();
        assertThat(new AuditFilter(null, "sp-1", null).matches(event("x", new Object(), null))).isFalse();
        assertThat(new AuditFilter(null, "sp-1", null).matches(event("sp-1", new Object(), null))).isTrue();
    }
}
