package io.lendpoint.api.servicepoint;

/** Recruitment campaigns, newest first; only those still open when {@code openOnly}. */
public record RecruitmentCampaignListQuery(boolean openOnly) {
}
