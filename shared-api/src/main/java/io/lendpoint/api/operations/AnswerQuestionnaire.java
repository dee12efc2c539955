package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Map;

/**
 * §6.3: one response to a questionnaire from a point: answers by question id (1–5 for a scale, an option for a single
 * choice, text up to 1000 characters). {@code respondent} is a role, not a name.
 */
public record AnswerQuestionnaire(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String questionnaireId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String responseId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") LocalDate answeredOn,
        @Size(max = 60, message = "{validation.size}") String respondent,
        @NotEmpty(message = "{validation.required}") @Size(max = 50, message = "{validation.size}") Map<@NotBlank(message = "{validation.required}") String, @NotNull(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String> answers) {
}
