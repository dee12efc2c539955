package io.lendpoint.api.operations;

/** §6.1, A.1.4: what a training session is for. */
public enum TrainingKind {
    /** 初始培训: before or at going live (§4.3 staff training) */
    INITIAL,
    /** 操作指导 / 后续培训 */
    FOLLOW_UP
}
