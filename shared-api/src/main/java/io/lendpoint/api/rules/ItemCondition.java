package io.lendpoint.api.rules;

/** §5.4.2: the finding of the return inspection that calls for compensation (an intact item calls for none). */
public enum ItemCondition {
    LOST,
    DAMAGED
}
