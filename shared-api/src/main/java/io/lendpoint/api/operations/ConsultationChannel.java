package io.lendpoint.api.operations;

/** §6.1: how a point's question reached the library. */
public enum ConsultationChannel {
    /** 电话 */
    PHONE,
    /** 微信、QQ 等即时通讯 */
    INSTANT_MESSAGE,
    /** 电子邮件 */
    EMAIL,
    /** 系统内留言 */
    ONLINE,
    /** 现场 */
    ON_SITE
}
