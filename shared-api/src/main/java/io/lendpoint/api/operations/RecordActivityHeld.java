package io.lendpoint.api.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** §6.4: the activity took place: when, how many took part, what the library provided, photos and documents. */
public record RecordActivityHeld(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String activityId,
        @NotNull(message = "{validation.required}") LocalDate heldOn,
        @NotNull(message = "{validation.required}") @Min(value = 0, message = "{validation.min}") @Max(value = 100000, message = "{validation.max}") Integer participants,
        @Size(max = 20, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String> resourcesProvided,
        @Size(max = 50, message = "{validation.size}") List<@Valid @NotNull(message = "{validation.required}") Attachment> attachments) {
}
