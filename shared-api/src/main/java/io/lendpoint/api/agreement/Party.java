package io.lendpoint.api.agreement;

import io.lendpoint.api.validation.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One side of the agreement (甲方 the library, 乙方 the service point) and its handler (经手人). */
public record Party(
        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.size}") String name,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String handler,
        @PhoneNumber String handlerPhone) {
}
