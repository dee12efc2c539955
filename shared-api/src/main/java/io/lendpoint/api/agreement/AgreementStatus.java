package io.lendpoint.api.agreement;

/** Where a point's current agreement stands. */
public enum AgreementStatus {
    /** 草拟: drafted, waiting for one or both signatures. */
    DRAFTED,
    /** 生效: in force (both signed; continuing automatically every period unless objected to, A.4). */
    IN_FORCE,
    /** 终止，归还期内: ended (A.3); all books due back within 30 working days. */
    RETURN_PERIOD,
    /** 终止，逾期未还: the return period passed with books still out (A.3). */
    RETURN_OVERDUE,
    /** 已结清: ended and every book returned. */
    CLOSED
}
