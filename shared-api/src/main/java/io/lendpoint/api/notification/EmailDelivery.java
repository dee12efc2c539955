package io.lendpoint.api.notification;

import java.time.Instant;

/**
 * One notice e-mailed to a point: {@code id} is the notice's (the same as in the in-app inbox); {@code status} says
 * whether the SMTP server took it ({@link EmailStatus}); {@code attempts} and {@code lastError} tell failures apart.
 */
public record EmailDelivery(String id, String batchId, String kind, String to, String subject, EmailStatus status,
                            int attempts, String lastError, Instant createdAt, Instant sentAt) {
}
