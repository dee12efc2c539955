package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * §4.3: the point goes live — only when its preparation checklist is complete, its agreement is in force and its
 * collective card is active. Sent by the activation policy whenever one of those becomes true, or by staff.
 */
public record ActivateServicePoint(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId) {
}
