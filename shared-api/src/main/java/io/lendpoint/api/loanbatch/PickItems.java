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
 * §5.2: staff add picked items to an accepted batch — one scan or a whole list at once. Items already in this
 * batch are skipped (a rescan changes nothing); an item in another open batch is refused.
 */
public record PickItems(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotEmpty(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") List<@NotNull(message = "{validation.required}") @Valid ItemDescription> items) {
}
