package io.lendpoint.api.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in yuan (元): BigDecimal with exactly two decimals, rounded HALF_UP. Never double. */
final class Yuan {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Yuan() {
    }

    static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal times(BigDecimal amount, BigDecimal factor) {
        return of(amount.multiply(factor));
    }

    static BigDecimal times(BigDecimal amount, long factor) {
        return of(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** An amount that may carry a price (non-negative, at most two decimals). */
    static BigDecimal requirePrice(BigDecimal amount, String name) {
        if (amount == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(name + " has more than two decimals (fen): " + amount.toPlainString());
        }
        return of(amount);
    }
}
