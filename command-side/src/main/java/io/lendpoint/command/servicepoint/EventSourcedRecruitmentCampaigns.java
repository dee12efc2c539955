package io.lendpoint.command.servicepoint;

import io.lendpoint.api.error.RuleViolation;
import io.lendpoint.api.servicepoint.InstitutionKind;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Answers from the campaign aggregate itself, loaded from the event store within the same unit of work:
 * strongly consistent, unlike a projection that may lag behind a campaign's closing.
 */
@Component
class EventSourcedRecruitmentCampaigns implements RecruitmentCampaigns {

    private final Repository<RecruitmentCampaign> campaigns;

    EventSourcedRecruitmentCampaigns(Repository<RecruitmentCampaign> campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void checkAcceptsApplication(String campaignId, InstitutionKind kind, String district, LocalDate date) {
        try {
            campaigns.load(campaignId).execute(campaign -> campaign.checkAcceptsApplication(kind, district, date));
        } catch (AggregateNotFoundException unknown) {
            throw RuleViolation.unprocessable("campaign.unknown", "There is no recruitment campaign " + campaignId,
                    campaignId);
        }
    }
}
