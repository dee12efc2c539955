package io.lendpoint.api.operations;

/** §6.3: how the library heard from a point. */
public enum FeedbackChannel {
    /** 电话回访 */
    PHONE_CALLBACK,
    /** 问卷调查 */
    QUESTIONNAIRE,
    /** 留言（系统内、信箱） */
    MESSAGE,
    /** 现场走访 */
    VISIT
}
