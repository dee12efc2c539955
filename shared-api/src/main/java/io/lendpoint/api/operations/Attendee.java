package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** §6.1, A.1.4: a point's staff member who attended (name and role at the point, no other personal data). */
public record Attendee(
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String name,
        @Size(max = 60, message = "{validation.size}") String role) {
}
