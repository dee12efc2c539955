package io.lendpoint.api.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §4.2.2: draft the collective-lending agreement (Appendix A) for an approved service point. */
public record DraftAgreement(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String agreementId,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String servicePointId,
        @NotNull(message = "{validation.required}") @Valid AgreementTerms terms,
        @NotNull(message = "{validation.required}") @Valid Party library,
        @NotNull(message = "{validation.required}") @Valid Party servicePoint) {
}
