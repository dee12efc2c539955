package io.lendpoint.api.rules;

/** §5.4.2: which price a loss charge was computed from. */
public enum PriceBasis {
    /** The item's own list price. */
    LIST_PRICE,
    /** The price of the whole multi-volume set the item belongs to. */
    SET_PRICE,
    /** No price involved (replacement, fixed amount for old books, graded damage charge). */
    NONE
}
