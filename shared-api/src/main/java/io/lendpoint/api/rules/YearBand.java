package io.lendpoint.api.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * §5.4.2: lost books published in {@code from}..{@code until} (inclusive) are charged {@code multiplier} × price.
 *
 * @param until null for the open-ended newest band ("2001 and later")
 */
public record YearBand(int from, Integer until, BigDecimal multiplier) {

    public YearBand {
        Objects.requireNonNull(multiplier, "multiplier");
        if (until != null && until < from) {
            throw new IllegalArgumentException("year band " + from + "-" + until + " ends before it starts");
        }
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("a multiplier must be positive, got " + multiplier.toPlainString());
        }
    }

    public boolean contains(int year) {
        return year >= from && (until == null || year <= until);
    }

    /** {@code 1996-2000}, or {@code 2001-} for the open-ended band. */
    public String label() {
        return from + "-" + (until == null ? "" : until.toString());
    }
}
