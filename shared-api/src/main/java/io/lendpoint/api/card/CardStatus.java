package io.lendpoint.api.card;

/** §4.2.3, A.3: the states of a collective borrowing card (集体外借证). */
public enum CardStatus {
    /** 正常 */
    ACTIVE,
    /** 暂停 (e.g. while overdue, or on termination) */
    SUSPENDED,
    /** 挂失 */
    REPORTED_LOST,
    /** 注销 */
    CANCELLED
}
