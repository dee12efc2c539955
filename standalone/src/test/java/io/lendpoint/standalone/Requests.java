package io.lendpoint.standalone;

/** Request bodies as a frontend would send them. */
final class Requests {

    static final String USCC = "91440604MA4UABCD1T";

    private Requests() {
    }

    static String application(String servicePointId) {
        return application(servicePointId, null, USCC, "13800138000");
    }

    static String application(String servicePointId, String campaignId, String uscc, String phone) {
        return """
                {%s%s"institution":{"name":"佛山市禅城区第一小学","kind":"SCHOOL","unifiedSocialCreditCode":"%s",
                  "address":{"district":"禅城区","street":"祖庙路1号"}},
                 "plan":{"expectedReaders":800,"wantedCategories":["I","K","Z"],"borrowingSchedule":"每学期初整批借阅",
                  "plannedFirstBorrowing":"2027-02-20","plannedReturn":"2028-01-15"},
                 "contact":{"name":"李老师","phone":"%s"},
                 "space":{"areaSquareMetres":60,"shelves":12,"safekeepingMeasures":"专用阅览室，门禁"},
                 "qualification":{"type":"SCHOOL_LICENCE","reference":"教民144060470000001号"}}
                """.formatted(servicePointId == null ? "" : "\"servicePointId\":\"" + servicePointId + "\",",
                campaignId == null ? "" : "\"campaignId\":\"" + campaignId + "\",", uscc, phone);
    }

    static String inspection(boolean a, boolean b, boolean c) {
        return """
                {"inspectedOn":"2026-01-10","needAndPlan":{"met":%s},"responsiblePerson":{"met":%s,"notes":"李老师专职"},
                 "storageAndSafekeeping":{"met":%s}}
                """.formatted(a, b, c);
    }
}
