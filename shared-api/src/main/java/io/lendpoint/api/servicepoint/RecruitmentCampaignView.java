package io.lendpoint.api.servicepoint;

import io.lendpoint.api.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recruitment campaign as the public and the staff see it, with how many applications answered it. */
public record RecruitmentCampaignView(String campaignId, String title, String description, LocalDate opensOn,
                                      LocalDate closesOn, List<String> targetDistricts,
                                      List<InstitutionKind> targetKinds, boolean closed, String closeReason,
                                      Instant publishedAt, long version) implements Versioned {
}
