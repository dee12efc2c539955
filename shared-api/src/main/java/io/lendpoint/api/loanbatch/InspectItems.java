package io.lendpoint.api.loanbatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * §5.4.2: the library inspects items — returned ones as intact or damaged, unreturned ones as lost. Damage and
 * loss are assessed by the compensation rule set of the point's agreement. When every item is accounted for the
 * batch closes and its capacity on the card is released (A.1.1).
 */
public record InspectItems(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotEmpty(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") List<@NotNull(message = "{validation.required}") @Valid Inspection> inspections) {
}
