package io.lendpoint.api.servicepoint;

/** A.2.1: kinds of qualification proof accepted. */
public enum QualificationDocumentType {
    /** 营业执照 */
    BUSINESS_LICENCE,
    /** 事业单位法人证书 */
    PUBLIC_INSTITUTION_CERTIFICATE,
    /** 办学许可证 */
    SCHOOL_LICENCE,
    /** 社会团体/民办非企业单位登记证书 */
    SOCIAL_ORGANISATION_CERTIFICATE,
    /** 其他证明 */
    OTHER
}
