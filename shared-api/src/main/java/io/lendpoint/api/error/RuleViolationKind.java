package io.lendpoint.api.error;

/** What kind of rule was broken; the HTTP layer maps each to one status code. */
public enum RuleViolationKind {
    /** The addressed thing does not exist (404). */
    NOT_FOUND,
    /** The command is not allowed in the current state, or collides with existing data (409). */
    CONFLICT,
    /** Well-formed input that a rule of the standard refuses (422). */
    UNPROCESSABLE,
    /** The caller's precondition (If-Match: the version it read) no longer holds (412). */
    PRECONDITION_FAILED
}
