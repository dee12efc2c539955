package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A.2.1: the valid proof of qualification the point provides (e.g. business licence number and file reference). */
public record QualificationDocument(
        @NotNull(message = "{validation.required}") QualificationDocumentType type,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String reference) {
}
