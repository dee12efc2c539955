package io.lendpoint.query.evaluation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * One countable fact behind the §7.1 metrics, in collection {@code evaluation_facts}, keyed by the event it comes
 * from (so redelivery and replay store it once): what kind, at which point, on which day, and its numbers —
 * {@code count} items or sessions, {@code good} of them that met the bar (on time, intact, within the service level,
 * satisfied), {@code value} a measure (score, participants, minutes, readers), {@code reader} for loans and
 * {@code category} (the 中图法 main class) for unmet demand.
 */
@Document(Fact.COLLECTION)
@CompoundIndex(name = "point_day", def = "{'servicePointId': 1, 'day': 1}")
record Fact(@Id String id, FactKind kind, String servicePointId, LocalDate day, int count, int good, long value,
            String reader, String category) {

    static final String COLLECTION = "evaluation_facts";
}
