package io.lendpoint.api.error;

import java.util.List;

/** Serializable description of a {@link RuleViolation}, carried across the command bus in distributed mode. */
public record RuleViolationDetails(RuleViolationKind kind, String code, String englishMessage, List<String> arguments) {

    public RuleViolation toException() {
        return new RuleViolation(kind, code, englishMessage, arguments.toArray());
    }
}
