package io.lendpoint.api.agreement;

/** Read side, A.4: agreements in force whose validity ends within {@code withinDays} days from today. Answers {@link ExpiringAgreements}. */
public record ExpiringAgreementsQuery(int withinDays) {

    public static final int MIN_WITHIN_DAYS = 1;
    public static final int MAX_WITHIN_DAYS = 3650;
}
