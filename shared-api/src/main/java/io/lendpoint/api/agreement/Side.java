package io.lendpoint.api.agreement;

/** The two parties of the agreement. */
public enum Side {
    /** 甲方（出借方） */
    LIBRARY,
    /** 乙方（借阅方） */
    SERVICE_POINT
}
