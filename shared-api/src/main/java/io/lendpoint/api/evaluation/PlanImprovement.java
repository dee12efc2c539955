package io.lendpoint.api.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * §7.2: an improvement action on an evaluation finding: which point, which evaluated period and metric it answers
 * (the finding: a metric code as the evaluation names it, e.g. {@code collection.turnover}), what is to be done, by
 * whom and by when.
 */
public record PlanImprovement(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String actionId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") LocalDate periodFrom,
        @NotNull(message = "{validation.required}") LocalDate periodTo,
        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size}") @Pattern(regexp = "[a-z]+(\\.[a-z-]+)+", message = "{validation.metric-code}") String metricCode,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String finding,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String action,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String owner,
        @NotNull(message = "{validation.required}") LocalDate dueOn) {
}
