package io.lendpoint.api.servicepoint;

/** §5.3.2: what a point changed about its service. */
public enum ServiceChangeKind {
    /** 服务时间 */
    HOURS,
    /** 服务内容 */
    CONTENT
}
