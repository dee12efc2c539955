package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §5.3.1: on-site reading (阅览) at a live point on one day: how many sessions, how many readers. */
public record RecordOnSiteReading(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") LocalDate day,
        @Min(value = 1, message = "{validation.min}") @Max(value = 100_000, message = "{validation.max}") int sessions,
        @Min(value = 1, message = "{validation.min}") @Max(value = 100_000, message = "{validation.max}") int readers) {
}
