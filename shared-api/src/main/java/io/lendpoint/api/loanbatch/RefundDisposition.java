package io.lendpoint.api.loanbatch;

/** §5.4.2: what happens to a lost item's compensation when the item is found. */
public enum RefundDisposition {
    /** 退还: the compensation was paid (or the item replaced); the refundable part is owed back to the point. */
    REFUND_OWED,
    /** 抵减: the compensation was not settled yet; the refundable part no longer has to be paid. */
    DEDUCTED,
    /** 不退: the rule set refunds nothing, or the compensation was waived. */
    NONE
}
