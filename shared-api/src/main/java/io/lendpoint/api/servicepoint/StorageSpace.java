package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** §4.1.2 c, A.2.3: storage space and the measures that keep the books safe. */
public record StorageSpace(
        @NotNull(message = "{validation.required}") @DecimalMin(value = "1", message = "{validation.min}")
        @DecimalMax(value = "100000", message = "{validation.max}") BigDecimal areaSquareMetres,
        @Min(value = 0, message = "{validation.min}") @Max(value = 10_000, message = "{validation.max}") int shelves,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String safekeepingMeasures) {
}
