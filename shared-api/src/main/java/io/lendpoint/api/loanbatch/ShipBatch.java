package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §5.2, A.1.3: the packed batch leaves the library, with its carrier or vehicle and its item list. */
public record ShipBatch(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String carrier,
        @Size(max = 40, message = "{validation.size}") String vehicle,
        @NotNull(message = "{validation.required}") LocalDate shippedOn) {
}
