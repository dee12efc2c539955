package io.lendpoint.api.operations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * §6.3: what a point told the library, by which channel and when: a satisfaction score (1–5) where one was given,
 * and the problem raised, if any (which then stays open until resolved). {@code respondent} is a role
 * (e.g. 图书管理员, 读者代表), not a person's name.
 */
public record RecordFeedback(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String feedbackId,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotNull(message = "{validation.required}") FeedbackChannel channel,
        @NotNull(message = "{validation.required}") LocalDate receivedOn,
        @Min(value = 1, message = "{validation.min}") @Max(value = 5, message = "{validation.max}") Integer satisfaction,
        @Size(max = 2000, message = "{validation.size}") String problem,
        @Size(max = 2000, message = "{validation.size}") String comment,
        @Size(max = 60, message = "{validation.size}") String respondent) {
}
