package io.lendpoint.query.operations;

import io.lendpoint.api.operations.ActivityKind;
import io.lendpoint.api.operations.ActivityView;
import io.lendpoint.api.operations.Attachment;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** §6.4: one cooperation activity in collection {@code activities}; idempotent by {@code lastSequence}. */
@Document(ActivityDocument.COLLECTION)
class ActivityDocument implements SequencedDocument {

    static final String COLLECTION = "activities";

    @Id
    String id;
    long lastSequence;
    @Indexed
    String servicePointId;
    ActivityKind kind;
    String title;
    LocalDate plannedOn;
    String description;
    String proposedBy;
    String status;
    List<String> resourcesPromised = List.of();
    LocalDate heldOn;
    Integer participants;
    List<String> resourcesProvided = List.of();
    List<Attachment> attachments = List.of();
    String cancelReason;

    ActivityView toView() {
        return new ActivityView(id, servicePointId, kind, title, plannedOn, description, proposedBy, status,
                List.copyOf(resourcesPromised), heldOn, participants, List.copyOf(resourcesProvided),
                List.copyOf(attachments), cancelReason, lastSequence);
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
