package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;

/** §4.1.1: a recruitment campaign was closed, on or before its closing date. */
@Revision("1")
public record RecruitmentCampaignClosed(String campaignId, String reason, LocalDate closedOn) {
}
