package io.lendpoint.platform.security;

/** The roles of the people who use Lendpoint. Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    /** 图书馆管理员: everything, including personal data in full and administration. */
    LIBRARY_ADMIN,
    /** 图书馆工作人员: runs recruitment, inspection, approval and daily lending. */
    LIBRARY_STAFF,
    /** 服务点管理员: sees and acts on its own service point only. */
    POINT_MANAGER,
    /** 审计员: reads everything including history; changes nothing. */
    AUDITOR,
    /** 分析员: reads projections and dashboards; changes nothing. */
    ANALYST;

    public String authority() {
        return "ROLE_" + name();
    }
}
