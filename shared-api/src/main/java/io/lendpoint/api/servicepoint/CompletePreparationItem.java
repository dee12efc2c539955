package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §4.3: library staff mark one preparation item done, with the date and a note. */
public record CompletePreparationItem(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") PreparationItem item,
        @NotNull(message = "{validation.required}") LocalDate completedOn,
        @Size(max = 1000, message = "{validation.size}") String note) {
}
