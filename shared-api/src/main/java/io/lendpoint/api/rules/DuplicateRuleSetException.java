package io.lendpoint.api.rules;

import io.lendpoint.api.agreement.RuleSetReference;

/** Two files define the same id and version: versions are immutable, so this is refused at load. */
public final class DuplicateRuleSetException extends RuntimeException {

    private final RuleSetReference reference;

    DuplicateRuleSetException(RuleSetReference reference, String firstOrigin, String secondOrigin) {
        super("Rule set " + reference.id() + " v" + reference.version() + " is defined by " + firstOrigin
                + " and again by " + secondOrigin + "; a published version never changes: give the new rules a new"
                + " version, or remove the copy");
        this.reference = reference;
    }

    public RuleSetReference reference() {
        return reference;
    }
}
