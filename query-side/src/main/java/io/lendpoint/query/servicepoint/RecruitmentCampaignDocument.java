package io.lendpoint.query.servicepoint;

import io.lendpoint.api.servicepoint.InstitutionKind;
import io.lendpoint.api.servicepoint.RecruitmentCampaignView;
import io.lendpoint.query.SequencedDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One recruitment campaign in collection {@code recruitment_campaigns}; idempotent by {@code lastSequence}. */
@Document(RecruitmentCampaignDocument.COLLECTION)
class RecruitmentCampaignDocument implements SequencedDocument {

    static final String COLLECTION = "recruitment_campaigns";

    @Id
    String id;
    long lastSequence;
    String title;
    String description;
    LocalDate opensOn;
    LocalDate closesOn;
    List<String> targetDistricts;
    List<InstitutionKind> targetKinds;
    boolean closed;
    String closeReason;
    Instant publishedAt;

    RecruitmentCampaignView toView() {
        return new RecruitmentCampaignView(id, title, description, opensOn, closesOn, targetDistricts, targetKinds,
                closed, closeReason, publishedAt, lastSequence);
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
