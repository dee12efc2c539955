package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** §6.4: the library approves a proposed activity and says what it will provide (books, speakers, funds …). */
public record ApproveActivity(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String activityId,
        @Size(max = 20, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String> resourcesPromised) {
}
