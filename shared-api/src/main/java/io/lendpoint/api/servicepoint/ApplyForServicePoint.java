package io.lendpoint.api.servicepoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * §4.1.2, A.2.1: an institution applies to become a service point. {@code campaignId} is the recruitment
 * campaign answered (§4.1.1), or null for a walk-in application.
 */
public record ApplyForServicePoint(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @Size(max = 64, message = "{validation.size}") String campaignId,
        @NotNull(message = "{validation.required}") @Valid Institution institution,
        @NotNull(message = "{validation.required}") @Valid BorrowingPlan plan,
        @NotNull(message = "{validation.required}") @Valid ResponsibleContact contact,
        @NotNull(message = "{validation.required}") @Valid StorageSpace space,
        @NotNull(message = "{validation.required}") @Valid QualificationDocument qualification) {
}
