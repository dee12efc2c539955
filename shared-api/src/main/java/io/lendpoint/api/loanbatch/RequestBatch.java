package io.lendpoint.api.loanbatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * §5.1: a live point asks for books — kinds (中图法 classes) and quantities, wanted delivery date and place, and
 * loan period in months (null: the agreement's loan term, A.1.2).
 */
public record RequestBatch(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotEmpty(message = "{validation.required}") @Size(max = 22, message = "{validation.size}") List<@NotNull(message = "{validation.required}") @Valid CategoryQuantity> wanted,
        @NotNull(message = "{validation.required}") LocalDate wantedDeliveryDate,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String deliveryPlace,
        @Min(value = 1, message = "{validation.min}") @Max(value = 60, message = "{validation.max}") Integer loanPeriodMonths,
        @Size(max = 1000, message = "{validation.size}") String note) {
}
