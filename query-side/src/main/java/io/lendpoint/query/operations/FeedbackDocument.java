package io.lendpoint.query.operations;

import io.lendpoint.api.operations.FeedbackChannel;
import io.lendpoint.api.operations.FeedbackView;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** §6.3: one piece of feedback in collection {@code feedback}; idempotent by {@code lastSequence}. */
@Document(FeedbackDocument.COLLECTION)
class FeedbackDocument implements SequencedDocument {

    static final String COLLECTION = "feedback";

    @Id
    String id;
    long lastSequence;
    @Indexed
    String servicePointId;
    FeedbackChannel channel;
    LocalDate receivedOn;
    Integer satisfaction;
    String problem;
    String comment;
    String respondent;
    String status;
    List<FeedbackView.FollowUp> followUps = new ArrayList<>();
    String resolution;
    LocalDate resolvedOn;
    Long daysToResolve;

    FeedbackView toView() {
        return new FeedbackView(id, servicePointId, channel, receivedOn, satisfaction, problem, comment, respondent,
                status, List.copyOf(followUps), resolution, resolvedOn, daysToResolve, lastSequence);
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
