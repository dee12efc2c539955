package io.lendpoint.api.servicepoint;

import org.axonframework.serialization.Revision;
import java.time.LocalDate;
import java.util.List;

/** §4.1.1: a recruitment campaign was published. */
@Revision("1")
public record RecruitmentCampaignPublished(String campaignId, String title, String description, LocalDate opensOn, LocalDate closesOn, List<String> targetDistricts, List<InstitutionKind> targetKinds) {
}
