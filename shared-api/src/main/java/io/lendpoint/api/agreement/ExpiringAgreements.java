package io.lendpoint.api.agreement;

import java.time.LocalDate;
import java.util.List;

/** The answer to {@link ExpiringAgreementsQuery}, soonest expiry first; {@code today} in Asia/Shanghai. */
public record ExpiringAgreements(int withinDays, LocalDate today, List<ExpiringAgreement> items) {

    /**
     * One agreement in force that ends within the window: without an objection it continues by itself for
     * another period (A.4); with one ({@code objectionLodged}) it expires at {@code validUntil}.
     */
    public record ExpiringAgreement(String agreementId, String servicePointId, int contractNumber,
                                    LocalDate validUntil, long daysToExpiry, boolean objectionLodged,
                                    Side objectionBy) {
    }
}
