package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where the point is: the district (区, e.g. 禅城区) used for dashboards, and the street address. */
public record Address(
        @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.size}") String district,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String street) {
}
