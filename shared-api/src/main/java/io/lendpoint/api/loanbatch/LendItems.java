package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * §5.3.1: the point lends items of the batch to one of its readers, identified by a point-local pseudonymous
 * number (never personal data).
 */
public record LendItems(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") String servicePointId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "{validation.reader}") String readerNumber,
        @NotEmpty(message = "{validation.required}") @Size(max = 50, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") String> barcodes,
        @NotNull(message = "{validation.required}") LocalDate lentOn) {
}
