package io.lendpoint.api.rules;

/** §5.4.2, A.2.5: how badly a returned item is damaged (defacement, torn pages, water), each with its own charge. */
public enum DamageSeverity {
    MINOR,
    MODERATE,
    /** Charged as a loss when the rule set says {@code damage-severe = loss} (the default), else a graded charge. */
    SEVERE
}
