package io.lendpoint.api.loanbatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * §5.2, A.2.2: the point checks the delivery against the item list by scanning every item it received, notes the
 * ones damaged on arrival, and the handlers of both sides confirm. Missing and extra items are worked out from
 * the scan. {@code servicePointId} is the point receiving: the batch must be its own.
 */
public record ConfirmReceipt(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") String servicePointId,
        @NotNull(message = "{validation.required}") LocalDate receivedOn,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String libraryHandler,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String servicePointHandler,
        @NotNull(message = "{validation.required}") @Size(max = 4000, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") String> scannedBarcodes,
        @Size(max = 2000, message = "{validation.size}") List<@NotNull(message = "{validation.required}") @Valid ItemNote> damagedOnArrival) {
}
