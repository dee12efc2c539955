package io.lendpoint.api.servicepoint;

/** Where a service point stands in its setup (§4.1–§4.3). */
public enum ServicePointStatus {
    /** 已申请: application received, no inspection yet. */
    APPLIED,
    /** 考察未通过: the latest site inspection failed at least one condition of §4.1.2; re-inspection allowed. */
    INSPECTION_FAILED,
    /** 考察通过: the latest site inspection confirmed §4.1.2 a–c. */
    INSPECTION_PASSED,
    /** 审核通过 (§4.2.2): agreement, card and preparation (§4.2.2–§4.3) follow. */
    APPROVED,
    /** 已开通: live (§4.3) — preparation complete, agreement in force, card active. */
    ACTIVE,
    /** 审核未通过. Final. */
    REJECTED
}
