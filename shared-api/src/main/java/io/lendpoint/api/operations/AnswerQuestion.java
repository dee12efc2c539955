package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §6.1: the library answers a point's question; {@code answeredBy} defaults to the signed-in user over HTTP. */
public record AnswerQuestion(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String consultationId,
        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size}") String answer,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String answeredBy) {
}
