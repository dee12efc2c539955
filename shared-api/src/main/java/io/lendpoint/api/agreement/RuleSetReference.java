package io.lendpoint.api.agreement;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A.2.4, A.2.5: a versioned rule table in force (overdue fines, compensation), referenced by id and version. */
public record RuleSetReference(
        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size}") String id,
        @Min(value = 1, message = "{validation.min}") int version) {
}
