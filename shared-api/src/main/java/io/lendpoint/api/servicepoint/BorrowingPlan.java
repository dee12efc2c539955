package io.lendpoint.api.servicepoint;

import io.lendpoint.api.validation.ClcClass;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * §4.1.2 a: the collective-borrowing need and plan — who reads, what they want (中图法 classes), when books are
 * borrowed and when they go back.
 */
public record BorrowingPlan(
        @Min(value = 1, message = "{validation.min}") @Max(value = 1_000_000, message = "{validation.max}") int expectedReaders,
        @NotEmpty(message = "{validation.required}") @Size(max = 22, message = "{validation.size}")
        List<@NotNull(message = "{validation.required}") @ClcClass String> wantedCategories,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.size}") String borrowingSchedule,
        @NotNull(message = "{validation.required}") LocalDate plannedFirstBorrowing,
        @NotNull(message = "{validation.required}") LocalDate plannedReturn) {
}
