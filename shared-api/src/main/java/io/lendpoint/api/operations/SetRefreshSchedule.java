package io.lendpoint.api.operations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * §6.2: the point's books are refreshed every {@code everyMonths} months, the next time on {@code nextDueOn}
 * (a changed schedule replaces the previous one).
 */
public record SetRefreshSchedule(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") String refreshPlanId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.min}") @Max(value = 24, message = "{validation.max}") Integer everyMonths,
        @NotNull(message = "{validation.required}") LocalDate nextDueOn) {
}
