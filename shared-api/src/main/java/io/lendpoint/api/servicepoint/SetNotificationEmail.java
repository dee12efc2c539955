package io.lendpoint.api.servicepoint;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * §5.4.1: the mailbox a point's notices (due reminders, overdue notices) are also e-mailed to, beside its in-app
 * inbox; {@code null} stops the e-mails. Best a shared mailbox of the point (e.g. the school library's), not a
 * person's own address.
 */
public record SetNotificationEmail(
        @TargetAggregateIdentifier @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "{validation.id}") String servicePointId,
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{validation.email}") @Size(max = 254, message = "{validation.size}") String email) {
}
