package io.lendpoint.api.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** §6.4: a photo or document about an activity, by title and where it is kept (a reference, not the file). */
public record Attachment(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String title,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String reference) {
}
