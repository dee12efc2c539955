package io.lendpoint.api.servicepoint;

import io.lendpoint.api.validation.UnifiedSocialCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** §3.1, A.2.1: the applying institution (乙方) and its unified social credit code (GB 32100). */
public record Institution(
        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.size}") String name,
        @NotNull(message = "{validation.required}") InstitutionKind kind,
        @NotNull(message = "{validation.required}") @UnifiedSocialCreditCode String unifiedSocialCreditCode,
        @NotNull(message = "{validation.required}") @Valid Address address) {
}
