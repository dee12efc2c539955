package io.lendpoint.api.rules;

import java.time.LocalDate;

import io.lendpoint.api.agreement.RuleSetReference;

/**
 * A versioned rule table of the library (A.2.4 overdue fines, A.2.5/§5.4.2 compensation). A version, once published,
 * never changes: a change is a new version, which agreements then reference ({@link RuleSetReference}).
 */
public sealed interface RuleSet permits FineRuleSet, CompensationRuleSet {

    /** Id and version, as agreements reference them. */
    RuleSetReference reference();

    /** The first day this version may be used (informational; agreements choose versions explicitly). */
    LocalDate effectiveFrom();

    /** Where it was read from: a file path or {@code classpath:...}. */
    String origin();
}
