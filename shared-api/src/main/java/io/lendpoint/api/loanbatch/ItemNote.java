package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One item and a note about it (e.g. what is damaged). */
public record ItemNote(
        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size}") String barcode,
        @Size(max = 500, message = "{validation.size}") String note) {
}
