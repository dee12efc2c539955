package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * §6.2: the due refresh was carried out: the worn or unused books went back and a new batch was requested
 * ({@code newBatchId}); the next refresh is due a schedule period after this one's due date.
 */
public record RecordRefresh(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") String refreshPlanId,
        @NotNull(message = "{validation.required}") LocalDate carriedOutOn,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String newBatchId,
        @Size(max = 500, message = "{validation.size}") String note) {
}
