package io.lendpoint.api.servicepoint;

import io.lendpoint.api.validation.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** §4.1.2 b, A.2.3: the named person responsible for collective lending at the point (专人). */
public record ResponsibleContact(
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String name,
        @NotNull(message = "{validation.required}") @PhoneNumber String phone) {
}
