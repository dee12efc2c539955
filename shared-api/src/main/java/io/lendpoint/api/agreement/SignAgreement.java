package io.lendpoint.api.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** §4.2.2, A.2.2: one party signs (name of the signatory and the date). */
public record SignAgreement(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String agreementId,
        @NotNull(message = "{validation.required}") Side side,
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String signatory,
        @NotNull(message = "{validation.required}") LocalDate signedOn) {
}
