package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §4.1.1: the library closes a recruitment campaign; no further applications reference it. */
public record CloseRecruitmentCampaign(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String campaignId,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reason) {
}
