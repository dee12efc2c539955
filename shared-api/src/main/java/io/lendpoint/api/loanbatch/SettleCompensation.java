package io.lendpoint.api.loanbatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** §5.4.2, A.2.5: an assessed compensation is paid, replaced by the same edition, or waived (with a reason). */
public record SettleCompensation(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String batchId,
        @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.size}") String barcode,
        @NotNull(message = "{validation.required}") SettlementKind settlement,
        @Size(max = 500, message = "{validation.size}") String reason) {
}
