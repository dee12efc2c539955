package io.lendpoint.query.servicepoint;

import io.lendpoint.api.LibraryTime;
import io.lendpoint.api.servicepoint.RecruitmentCampaignClosed;
import io.lendpoint.api.servicepoint.RecruitmentCampaignListQuery;
import io.lendpoint.api.servicepoint.RecruitmentCampaignPublished;
import io.lendpoint.api.servicepoint.RecruitmentCampaigns;
import io.lendpoint.query.IdempotentUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** §4.1.1: projects recruitment campaigns into {@code recruitment_campaigns} and answers the list query. */
@Component
@ProcessingGroup(ServicePointProjection.PROCESSING_GROUP)
class RecruitmentCampaignProjection {

    private final MongoTemplate mongo;
    private final Clock clock;

    RecruitmentCampaignProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    @EventHandler
    void on(RecruitmentCampaignPublished event, DomainEventMessage<RecruitmentCampaignPublished> message) {
        if (mongo.findById(event.campaignId(), RecruitmentCampaignDocument.class) != null) {
            return; // redelivered
        }
        RecruitmentCampaignDocument campaign = new RecruitmentCampaignDocument();
        campaign.id = event.campaignId();
        campaign.lastSequence = message.getSequenceNumber();
        campaign.title = event.title();
        campaign.description = event.description();
        campaign.opensOn = event.opensOn();
        campaign.closesOn = event.closesOn();
        campaign.targetDistricts = event.targetDistricts();
        campaign.targetKinds = event.targetKinds();
        campaign.publishedAt = message.getTimestamp();
        mongo.insert(campaign);
    }

    @EventHandler
    void on(RecruitmentCampaignClosed event, DomainEventMessage<RecruitmentCampaignClosed> message) {
        IdempotentUpdates.apply(mongo, RecruitmentCampaignDocument.class, event.campaignId(), message, campaign -> {
            campaign.closed = true;
            campaign.closeReason = event.reason();
        });
    }

    @ResetHandler
    void onReset() {
        mongo.dropCollection(RecruitmentCampaignDocument.class);
    }

    @QueryHandler
    RecruitmentCampaigns handle(RecruitmentCampaignListQuery query) {
        LocalDate today = LibraryTime.today(clock);
        return new RecruitmentCampaigns(mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "publishedAt")),
                        RecruitmentCampaignDocument.class).stream()
                .filter(campaign -> !query.openOnly()
                        || (!campaign.closed && !today.isBefore(campaign.opensOn) && !today.isAfter(campaign.closesOn)))
                .map(RecruitmentCampaignDocument::toView)
                .toList());
    }
}
