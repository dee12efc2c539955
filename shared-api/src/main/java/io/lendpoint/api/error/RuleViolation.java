package io.lendpoint.api.error;

import java.util.List;

/**
 * A command or query broke a rule of the standard. Thrown by command handlers before anything is applied,
 * so nothing is stored. Carries a stable {@link #code()} that clients and the localised messages key on.
 */
public class RuleViolation extends RuntimeException {

    private final RuleViolationKind kind;
    private final String code;
    private final List<String> arguments;

    public RuleViolation(RuleViolationKind kind, String code, String englishMessage, Object... arguments) {
        super(englishMessage);
        this.kind = kind;
        this.code = code;
        this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
    }

    public static RuleViolation conflict(String code, String englishMessage, Object... arguments) {
        return new RuleViolation(RuleViolationKind.CONFLICT, code, englishMessage, arguments);
    }

    public static RuleViolation unprocessable(String code, String englishMessage, Object... arguments) {
        return new RuleViolation(RuleViolationKind.UNPROCESSABLE, code, englishMessage, arguments);
    }

    public static RuleViolation notFound(String code, String englishMessage, Object... arguments) {
        return new RuleViolation(RuleViolationKind.NOT_FOUND, code, englishMessage, arguments);
    }

    public RuleViolationKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** The form that travels back to a remote dispatcher (Axon Server) as command-execution details. */
    public RuleViolationDetails details() {
        return new RuleViolationDetails(kind, code, getMessage(), arguments);
    }
}
