package io.lendpoint.api.loanbatch;

/** §5.4.2, A.2.5: how an assessed compensation was settled. */
public enum SettlementKind {
    /** 已赔付 */
    PAID,
    /** 以同版本图书赔偿 */
    REPLACED,
    /** 减免 (with a reason) */
    WAIVED
}
