package io.lendpoint.api.loanbatch;

import io.lendpoint.api.validation.ClcClass;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** §5.1: how many books of one 中图法 class. */
public record CategoryQuantity(
        @NotNull(message = "{validation.required}") @ClcClass String category,
        @Min(value = 1, message = "{validation.min}") @Max(value = 2000, message = "{validation.max}") int quantity) {
}
