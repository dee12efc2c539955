package io.lendpoint.api.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A.5: the parties agree to change terms from {@code effectiveOn}. */
public record AmendAgreement(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String agreementId,
        @NotNull(message = "{validation.required}") @Valid AgreementTerms terms,
        @NotNull(message = "{validation.required}") LocalDate effectiveOn,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size}") String reason) {
}
