package io.lendpoint.api.operations;

/** §6.4: kinds of cooperation between the library and a point. */
public enum ActivityKind {
    /** 阅读推广 */
    READING_PROMOTION,
    /** 党建交流 */
    PARTY_BUILDING,
    /** 工会交流 */
    TRADE_UNION,
    /** 其他合作 */
    OTHER
}
