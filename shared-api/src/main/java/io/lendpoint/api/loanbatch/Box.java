package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** §5.2: one box of a packed batch and how many items it holds. */
public record Box(
        @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.size}") String label,
        @Min(value = 1, message = "{validation.min}") @Max(value = 2000, message = "{validation.max}") int itemCount) {
}
