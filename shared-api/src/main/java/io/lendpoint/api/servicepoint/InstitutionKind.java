package io.lendpoint.api.servicepoint;

/** §3.1: the kind of collective a service point serves. */
public enum InstitutionKind {
    /** 学校 */
    SCHOOL,
    /** 社区 */
    COMMUNITY,
    /** 企业 */
    ENTERPRISE,
    /** 机关事业单位 */
    GOVERNMENT,
    /** 其他 */
    OTHER
}
