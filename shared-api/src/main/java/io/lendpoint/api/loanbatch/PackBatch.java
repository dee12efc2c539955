package io.lendpoint.api.loanbatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * §5.2: the picked items are packed into boxes; the boxes must hold exactly the picked items. Capacity reserved
 * for items that were accepted but not picked is released on the card.
 */
public record PackBatch(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotEmpty(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") List<@NotNull(message = "{validation.required}") @Valid Box> boxes) {
}
