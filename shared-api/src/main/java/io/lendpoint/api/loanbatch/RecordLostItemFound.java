package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §5.4.2: an item inspected as lost turned up after all and is back at the library. */
public record RecordLostItemFound(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size}") String barcode,
        @NotNull(message = "{validation.required}") LocalDate foundOn,
        @Size(max = 500, message = "{validation.size}") String note) {
}
