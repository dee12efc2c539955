package io.lendpoint.api.loanbatch;

import io.lendpoint.api.rules.DamageSeverity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * §5.4.2: the verdict on one item: intact, damaged (with a severity) or lost. {@code publicationYear} is needed
 * for compensation when the item list does not have it.
 */
public record Inspection(
        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size}") String barcode,
        @NotNull(message = "{validation.required}") InspectionOutcome outcome,
        DamageSeverity severity,
        @Min(value = 1450, message = "{validation.min}") @Max(value = 2100, message = "{validation.max}") Integer publicationYear,
        @Size(max = 500, message = "{validation.size}") String note) {
}
