package io.lendpoint.api.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * §5.4.2: how a lost book published before the oldest year band is charged: a multiple of its price
 * ({@code older = multiplier 5}) or a fixed amount whatever its price ({@code older = fixed 50.00}); the processing
 * fee is added either way.
 */
public record OlderBooksRule(Kind kind, BigDecimal value) {

    public enum Kind { MULTIPLIER, FIXED }

    public OlderBooksRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (kind == Kind.MULTIPLIER && value.signum() <= 0) {
            throw new IllegalArgumentException("a multiplier must be positive, got " + value.toPlainString());
        }
        if (kind == Kind.FIXED) {
            value = Yuan.requirePrice(value, "fixed amount");
        }
    }
}
