package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** §5.2: staff take picked items out of the batch again before packing (a wrong pick). */
public record UnpickItems(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotEmpty(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") String> barcodes) {
}
