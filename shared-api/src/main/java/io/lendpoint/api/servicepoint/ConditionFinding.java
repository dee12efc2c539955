package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** §4.2.1: the inspector's verdict on one condition of §4.1.2, with notes. */
public record ConditionFinding(
        @NotNull(message = "{validation.required}") Boolean met,
        @Size(max = 1000, message = "{validation.size}") String notes) {

    public boolean isMet() {
        return Boolean.TRUE.equals(met);
    }
}
