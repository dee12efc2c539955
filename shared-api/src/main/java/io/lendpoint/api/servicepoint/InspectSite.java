package io.lendpoint.api.servicepoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * §4.2.1: the library inspects the site (实地考察) and gives a verdict on each condition of §4.1.2:
 * a) need and plan, b) responsible person, c) storage space and safekeeping.
 */
public record InspectSite(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") LocalDate inspectedOn,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String inspector,
        @NotNull(message = "{validation.required}") @Valid ConditionFinding needAndPlan,
        @NotNull(message = "{validation.required}") @Valid ConditionFinding responsiblePerson,
        @NotNull(message = "{validation.required}") @Valid ConditionFinding storageAndSafekeeping,
        @Size(max = 2000, message = "{validation.size}") String notes) {
}
