package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * §6.1: a point's staff ask the library for help (咨询). {@code askedAt} is when the question came in (a phone call
 * logged afterwards), now when absent; the answer is due within the library's service level from then.
 */
public record AskQuestion(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String consultationId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") ConsultationChannel channel,
        @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") String question,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String askedBy,
        Instant askedAt) {
}
