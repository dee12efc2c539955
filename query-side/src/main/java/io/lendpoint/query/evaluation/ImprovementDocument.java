package io.lendpoint.query.evaluation;

import io.lendpoint.api.evaluation.ImprovementView;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** §7.2: one improvement action in collection {@code improvements}; idempotent by {@code lastSequence}. */
@Document(ImprovementDocument.COLLECTION)
class ImprovementDocument implements SequencedDocument {

    static final String COLLECTION = "improvements";

    @Id
    String id;
    long lastSequence;
    @Indexed
    String servicePointId;
    LocalDate periodFrom;
    LocalDate periodTo;
    String metricCode;
    String finding;
    String action;
    String owner;
    LocalDate dueOn;
    String status;
    boolean overdue;
    String outcome;
    LocalDate completedOn;
    Boolean late;
    String dropReason;

    ImprovementView toView() {
        return new ImprovementView(id, servicePointId, periodFrom, periodTo, metricCode, finding, action, owner, dueOn,
                status, overdue, outcome, completedOn, late, dropReason, lastSequence);
    }

    @Override
    public long lastAppliedSequence() {
        return lastSequence;
    }

    @Override
    public void markApplied(long sequence) {
        lastSequence = sequence;
    }
}
