package io.lendpoint.api.servicepoint;

/** §4.3 服务准备: what the library helps with before a point goes live. */
public enum PreparationItem {
    /** 选址 */
    SITE_SELECTION,
    /** 文献资源配置 (initial collection allocation) */
    COLLECTION_ALLOCATION,
    /** 工作人员培训 */
    STAFF_TRAINING,
    /** 业务对接 (business hand-over) */
    BUSINESS_HANDOVER
}
