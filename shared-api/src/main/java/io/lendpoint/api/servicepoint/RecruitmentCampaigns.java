package io.lendpoint.api.servicepoint;

import java.util.List;

/** The answer to {@link RecruitmentCampaignListQuery}. */
public record RecruitmentCampaigns(List<RecruitmentCampaignView> items) {
}
