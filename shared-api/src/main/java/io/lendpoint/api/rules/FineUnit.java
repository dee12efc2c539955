package io.lendpoint.api.rules;

/** A.2.4: what an overdue fine is counted on. */
public enum FineUnit {
    /** A daily rate for each overdue item, capped per item, optionally capped for the whole case. */
    PER_ITEM,
    /** A daily rate for the overdue batch as a whole (collective lending), with its own cap; items do not count. */
    PER_BATCH
}
