package io.lendpoint.api.loanbatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * §5.1, A.1.2: the library accepts the request — as asked ({@code adjusted} null) or with adjusted quantities —
 * and the total is reserved on the point's collective card; more than the card's free capacity is refused.
 */
public record AcceptBatch(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @Size(min = 1, max = 22, message = "{validation.size}") List<@NotNull(message = "{validation.required}") @Valid CategoryQuantity> adjusted,
        @Size(max = 1000, message = "{validation.size}") String note) {
}
