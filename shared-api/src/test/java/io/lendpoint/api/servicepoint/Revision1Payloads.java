package io.lendpoint.api.servicepoint;

/**
 * Payloads exactly as revision 1 of the point's events stored them, phones in plaintext (before A.6 covered them):
 * for the tests that replay old events, in this module and in the running application.
 */
public final class Revision1Payloads {

    private Revision1Payloads() {
    }

    /** {@code ServicePointApplied} revision 1: the contact 李老师, 13800138000. */
    public static String applied(String servicePointId) {
        return """
                {"servicePointId":"%s","campaignId":null,"institution":{"name":"佛山市禅城区第一小学","kind":"SCHOOL",\
                "unifiedSocialCreditCode":"91440604MA4UABCD1T","address":{"district":"禅城区","street":"祖庙路1号"}},\
                "plan":{"expectedReaders":800,"wantedCategories":["I","K","Z"],"borrowingSchedule":"每学期初整批借阅",\
                "plannedFirstBorrowing":"2027-02-20","plannedReturn":"2028-01-15"},\
                "contact":{"name":"李老师","phone":"13800138000"},\
                "space":{"areaSquareMetres":60,"shelves":12,"safekeepingMeasures":"专用阅览室，门禁"},\
                "qualification":{"type":"SCHOOL_LICENCE","reference":"教民144060470000001号"}}""".formatted(servicePointId);
    }

    /** {@code ServicePointContactChanged} revision 1: from 李老师 to 陈老师, 0757-83001234. */
    public static String contactChanged(String servicePointId) {
        return """
                {"servicePointId":"%s","previous":{"name":"李老师","phone":"13800138000"},\
                "contact":{"name":"陈老师","phone":"0757-83001234"},"reason":"调岗"}""".formatted(servicePointId);
    }
}
