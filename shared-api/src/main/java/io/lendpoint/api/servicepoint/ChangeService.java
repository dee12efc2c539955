package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §5.3.2: a live point adjusts its service hours or content to its readers' needs, from a date. */
public record ChangeService(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") ServiceChangeKind kind,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String description,
        @NotNull(message = "{validation.required}") LocalDate effectiveFrom) {
}
