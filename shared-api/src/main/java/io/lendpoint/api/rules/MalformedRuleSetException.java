package io.lendpoint.api.rules;

/** A rule-set file cannot be used; thrown while loading it, never later. */
public final class MalformedRuleSetException extends RuntimeException {

    private final String origin;
    private final int lineNumber;

    MalformedRuleSetException(String origin, int lineNumber, String problem) {
        super(origin + (lineNumber > 0 ? " line " + lineNumber : "") + ": " + problem);
        this.origin = origin;
        this.lineNumber = lineNumber;
    }

    /** Where the file was read from: a file path or {@code classpath:...}. */
    public String origin() {
        return origin;
    }

    /** The 1-based line of the problem, or 0 when it concerns the file as a whole (e.g. a missing key). */
    public int lineNumber() {
        return lineNumber;
    }
}
