package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * §6.3: one question of a questionnaire; {@code options} for a single choice; {@code overallSatisfaction} marks the
 * one 1–5 question whose answer counts as the respondent's satisfaction score (§7.1).
 */
public record Question(
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String questionId,
        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size}") String text,
        @NotNull(message = "{validation.required}") QuestionKind kind,
        @Size(max = 20, message = "{validation.size}") List<@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String> options,
        boolean overallSatisfaction) {
}
