package io.lendpoint.query.operations;

import io.lendpoint.api.operations.Attendee;
import io.lendpoint.api.operations.TrainingKind;
import io.lendpoint.api.operations.TrainingMaterial;
import io.lendpoint.api.operations.TrainingView;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** §6.1, A.1.4: one training in collection {@code trainings}; idempotent by {@code lastSequence}. */
@Document(TrainingDocument.COLLECTION)
class TrainingDocument implements SequencedDocument {

    static final String COLLECTION = "trainings";

    @Id
    String id;
    long lastSequence;
    String topic;
    TrainingKind kind;
    String status;
    LocalDate plannedOn;
    LocalDate heldOn;
    String trainer;
    @Indexed
    List<String> servicePointIds = List.of();
    List<Attendee> attendees = List.of();
    List<TrainingMaterial> materials = List.of();
    String cancelReason;

    TrainingView toView() {
        return new TrainingView(id, topic, kind, status, plannedOn, heldOn, trainer, List.copyOf(servicePointIds),
                List.copyOf(attendees), List.copyOf(materials), cancelReason, lastSequence);
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
