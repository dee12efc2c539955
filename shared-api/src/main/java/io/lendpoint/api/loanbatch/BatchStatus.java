package io.lendpoint.api.loanbatch;

/** Where a loan batch stands (§5). In-point circulation and due dates follow (issue 5). */
public enum BatchStatus {
    /** 已申请: the point asked for books (§5.1). */
    REQUESTED,
    /** 已受理: the library accepted, and the quantity is reserved on the card (A.1.2). */
    ACCEPTED,
    /** 未受理: the library declined, with a reason. Final. */
    DECLINED,
    /** 挑选中: items are being picked (§5.2). */
    PICKING,
    /** 已打包 (§5.2). */
    PACKED,
    /** 已发运, with its item list (§5.2, A.1.3). */
    SHIPPED,
    /** 已接收: checked and confirmed by both sides' handlers (§5.2, A.2.2); the books are at the point. */
    RECEIVED,
    /** 归还中: some items are back (§5.4.1). */
    RETURNING,
    /** 已归还: every item is back or inspected as lost (A.1.1 整还); inspection goes on. */
    RETURNED,
    /** 已结清: every item accounted for; capacity released (A.1.1). Final. */
    CLOSED
}
