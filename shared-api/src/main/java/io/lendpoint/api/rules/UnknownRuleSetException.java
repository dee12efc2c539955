package io.lendpoint.api.rules;

import io.lendpoint.api.agreement.RuleSetReference;

/** No rule set is loaded for a reference, or it is of the other kind (fines asked, compensation found). */
public final class UnknownRuleSetException extends RuntimeException {

    private final RuleSetReference reference;

    UnknownRuleSetException(RuleSetReference reference, String detail) {
        super("Rule set " + reference.id() + " v" + reference.version() + ": " + detail);
        this.reference = reference;
    }

    public RuleSetReference reference() {
        return reference;
    }
}
