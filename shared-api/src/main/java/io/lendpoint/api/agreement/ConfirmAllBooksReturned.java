package io.lendpoint.api.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A.3: the library confirms that nothing is outstanding any more; the ended agreement closes. */
public record ConfirmAllBooksReturned(@TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String agreementId) {
}
