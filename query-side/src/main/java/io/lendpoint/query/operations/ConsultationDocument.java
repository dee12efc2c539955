package io.lendpoint.query.operations;

import io.lendpoint.api.operations.ConsultationChannel;
import io.lendpoint.api.operations.ConsultationView;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** §6.1: one consultation in collection {@code consultations}; idempotent by {@code lastSequence}. */
@Document(ConsultationDocument.COLLECTION)
class ConsultationDocument implements SequencedDocument {

    static final String COLLECTION = "consultations";

    @Id
    String id;
    long lastSequence;
    @Indexed
    String servicePointId;
    ConsultationChannel channel;
    String question;
    String askedBy;
    Instant askedAt;
    Instant answerDueBy;
    String answer;
    String answeredBy;
    Instant answeredAt;
    Long responseMinutes;
    Boolean withinServiceLevel;
    boolean answered;
    boolean overdue;

    ConsultationView toView() {
        return new ConsultationView(id, servicePointId, channel, question, askedBy, askedAt, answerDueBy, answer,
                answeredBy, answeredAt, responseMinutes, withinServiceLevel, overdue, lastSequence);
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
