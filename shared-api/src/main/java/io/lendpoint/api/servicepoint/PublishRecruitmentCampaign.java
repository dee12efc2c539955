package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** §4.1.1: the library publishes a recruitment notice for service points (服务点招募信息). */
public record PublishRecruitmentCampaign(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String campaignId,
        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.size}") String title,
        @Size(max = 4000, message = "{validation.size}") String description,
        @NotNull(message = "{validation.required}") LocalDate opensOn,
        @NotNull(message = "{validation.required}") LocalDate closesOn,
        @NotNull(message = "{validation.required}") @Size(max = 30, message = "{validation.size}")
        List<@NotBlank(message = "{validation.required}") String> targetDistricts,
        @NotNull(message = "{validation.required}") List<@NotNull(message = "{validation.required}") InstitutionKind> targetKinds) {
}
