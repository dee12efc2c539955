package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** §5.3.1: readers bring items back to the point (a scanned pile). */
public record TakeBackItems(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") String servicePointId,
        @NotEmpty(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") String> barcodes,
        @NotNull(message = "{validation.required}") LocalDate returnedOn) {
}
