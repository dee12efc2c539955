package io.lendpoint.query.evaluation;

import org.bson.Document;

import java.time.LocalDate;

/**
 * One countable fact behind the §7.1 metrics, kept in its point's {@link EvaluationDay} under the id of the event it
 * comes from (so redelivery and replay store it once): what kind, at which point, on which day, and its numbers —
 * {@code count} items or sessions, {@code good} of them that met the bar (on time, intact, within the service level,
 * satisfied), {@code value} a measure (score, participants, minutes, readers), {@code reader} and {@code item}
 * ({@code batchId/barcode}) for loans and {@code category} (the 中图法 main class) for unmet demand.
 */
record Fact(String id, FactKind kind, String servicePointId, LocalDate day, int count, int good, long value,
            String reader, String category, String item) {

    /**
     * A fact as {@link EvaluationDay#store} wrote it, read without the mapping layer (what an evaluation reads most
     * of); {@code day}: its day document's, which is the fact's.
     */
    static Fact read(Document stored, LocalDate day) {
        return new Fact(stored.getString("_id"), FactKind.valueOf(stored.getString("kind")),
                stored.getString("servicePointId"), day, stored.getInteger("count"), stored.getInteger("good"),
                ((Number) stored.get("value")).longValue(), stored.getString("reader"), stored.getString("category"),
                stored.getString("item"));
    }
}
