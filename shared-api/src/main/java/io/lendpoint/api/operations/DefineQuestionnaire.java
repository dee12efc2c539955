package io.lendpoint.api.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** §6.3: the library defines a questionnaire (a fixed set of questions; answers are aggregated per question). */
public record DefineQuestionnaire(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String questionnaireId,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String title,
        @NotEmpty(message = "{validation.required}") @Size(max = 50, message = "{validation.size}") List<@Valid @NotNull(message = "{validation.required}") Question> questions) {
}
